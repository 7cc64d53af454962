#!/usr/bin/env python3
"""Writes banking-api.schema.json: the large API-style schema of the generated-size benchmark
(bench/generated-size.sh, issue 18).

Written for this repository (no public file is copied): a banking and payments API of our own
design, in the shape an OpenAPI description takes once its components are converted to one
draft-07 schema file: ISO-style code lists (patterns, length bounds), string enums, shared objects,
base objects extended with `allOf`, unions (`oneOf`) told apart by a `const` member, arrays, maps,
dates and amounts, and per resource the list, single and create envelopes an API wraps it in.

Deterministic: the output depends on this file only (dicts keep insertion order; no clock, no
randomness). Run from anywhere:  python3 bench/schemas/make-banking-api.py
"""

import json
import os

DEFS = {}


def define(name, schema):
    assert name not in DEFS, name
    DEFS[name] = schema
    return name


def ref(name):
    return {"$ref": "#/definitions/" + name}


def text(min_length, max_length, description=None):
    schema = {"type": "string", "minLength": min_length, "maxLength": max_length}
    if description:
        schema["description"] = description
    return schema


def array(items, min_items=None, max_items=None, unique=False):
    schema = {"type": "array", "items": items}
    if min_items is not None:
        schema["minItems"] = min_items
    if max_items is not None:
        schema["maxItems"] = max_items
    if unique:
        schema["uniqueItems"] = True
    return schema


def map_of(values, max_properties=None):
    schema = {"type": "object", "additionalProperties": values}
    if max_properties is not None:
        schema["maxProperties"] = max_properties
    return schema


def obj(properties, required=(), description=None, closed=False):
    schema = {"type": "object"}
    if description:
        schema["description"] = description
    if required:
        schema["required"] = list(required)
    schema["properties"] = properties
    if closed:
        schema["additionalProperties"] = False
    return schema


def extend(base, properties, required=(), description=None):
    """A record derived from `base`: allOf of the base and what the extension adds."""
    schema = {}
    if description:
        schema["description"] = description
    schema["allOf"] = [ref(base), obj(properties, required)]
    return schema


def union(branches, description):
    return {"description": description, "type": "object", "oneOf": [ref(b) for b in branches]}


def const(value):
    return {"type": "string", "const": value}


DATE = {"type": "string", "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}
URI = {"type": "string", "format": "uri", "maxLength": 2048}

# ---------------------------------------------------------------------------------------------
# Code lists with patterns and length bounds (ISO-style identifiers).
# ---------------------------------------------------------------------------------------------
CODE_LISTS = [
    ("CurrencyCode", "^[A-Z]{3}$", 3, 3, "ISO 4217 alphabetic currency code."),
    ("CountryCode", "^[A-Z]{2}$", 2, 2, "ISO 3166-1 alpha-2 country code."),
    ("CountrySubdivisionCode", "^[A-Z]{2}-[A-Z0-9]{1,3}$", 4, 6, "ISO 3166-2 subdivision code."),
    ("LanguageTag", "^[a-z]{2,3}(-[A-Z]{2})?$", 2, 6, "BCP 47 language tag, language and optional region."),
    ("Iban", "^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$", 15, 34, "ISO 13616 international bank account number."),
    ("Bic", "^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$", 8, 11, "ISO 9362 business identifier code."),
    ("Lei", "^[A-Z0-9]{18}[0-9]{2}$", 20, 20, "ISO 17442 legal entity identifier."),
    ("SortCode", "^[0-9]{6}$", 6, 6, "Domestic bank sort code."),
    ("DomesticAccountNumber", "^[0-9]{8}$", 8, 8, "Domestic account number."),
    ("MaskedPan", "^[0-9]{6}[*]{2,9}[0-9]{4}$", 12, 19, "Card number with all but the first six and last four digits hidden."),
    ("MerchantCategoryCode", "^[0-9]{4}$", 4, 4, "ISO 18245 merchant category code."),
    ("ExternalPurposeCode", "^[A-Z]{4}$", 4, 4, "ISO 20022 external purpose code."),
    ("ExternalCategoryPurposeCode", "^[A-Z]{4}$", 4, 4, "ISO 20022 external category purpose code."),
    ("ExternalLocalInstrumentCode", "^[A-Za-z0-9.]{1,50}$", 1, 50, "Scheme-specific local instrument."),
    ("ExternalAccountIdentificationCode", "^[A-Za-z][A-Za-z0-9.]{0,39}$", 1, 40, "Name of an account identification scheme."),
    ("ExternalFinancialInstitutionIdentificationCode", "^[A-Za-z][A-Za-z0-9.]{0,39}$", 1, 40, "Name of an institution identification scheme."),
    ("ExternalBankTransactionFamilyCode", "^[A-Z]{4}$", 4, 4, "ISO 20022 bank transaction family."),
    ("ExternalBankTransactionSubFamilyCode", "^[A-Z]{4}$", 4, 4, "ISO 20022 bank transaction sub-family."),
    ("ResourceId", "^[A-Za-z0-9_-]{1,40}$", 1, 40, "Identifier the server assigns to a resource."),
    ("ConsentId", "^[A-Za-z0-9_-]{1,128}$", 1, 128, "Identifier of a consent."),
    ("InstructionIdentification", "^[ -~]{1,35}$", 1, 35, "Identifier the instructing party gives an instruction."),
    ("EndToEndIdentification", "^[ -~]{1,35}$", 1, 35, "Identifier carried unchanged from debtor to creditor."),
    ("IdempotencyKey", "^[A-Za-z0-9-]{1,40}$", 1, 40, "Key that makes a create request safe to retry."),
    ("DecimalAmount", "^-?[0-9]{1,13}(\\.[0-9]{1,5})?$", 1, 20, "Amount as a decimal string, up to five decimals."),
    ("DecimalRate", "^-?[0-9]{1,4}(\\.[0-9]{1,10})?$", 1, 16, "Rate or percentage as a decimal string."),
    ("PhoneNumber", "^\\+[0-9]{1,3}-[0-9()+ -]{1,30}$", 4, 35, "Phone number with country code."),
    ("PostCode", "^[A-Za-z0-9 -]{1,16}$", 1, 16, "Postal code."),
    ("Frequency", "^(DAILY|WEEKLY:0[1-7]|MONTHLY:(0[1-9]|[12][0-9]|3[01])|QUARTERLY:(0[1-9]|[12][0-9]|3[01])|YEARLY:(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))$", 5, 16, "Recurrence of a standing order."),
    ("CardExpiry", "^(0[1-9]|1[0-2])/[0-9]{2}$", 5, 5, "Card expiry month and year, MM/YY."),
    ("Reference", "^[ -~]{1,35}$", 1, 35, "Reference the creditor sees."),
]
for name, pattern, low, high, description in CODE_LISTS:
    define(name, {"type": "string", "description": description, "pattern": pattern, "minLength": low, "maxLength": high})

define("Name", text(1, 140, "Name of a party, account or product."))
define("ShortName", text(1, 70, "Short name or nickname."))
define("Description", text(1, 500, "Free text description."))
define("AddressLine", text(1, 70, "One line of a postal address."))
define("UnstructuredRemittance", text(1, 140, "Remittance information as free text."))
define("EmailAddress", {"type": "string", "format": "email", "maxLength": 256})
define("Url", URI)
define("IsoDate", DATE)
define("IsoDateTime", DATE_TIME)

# ---------------------------------------------------------------------------------------------
# String enums.
# ---------------------------------------------------------------------------------------------
ENUMS = [
    ("AccountStatus", ["Enabled", "Disabled", "Deleted", "ProForma", "Pending"]),
    ("AccountCategory", ["Business", "Personal"]),
    ("AccountUsage", ["Savings", "Current", "CreditCard", "Loan", "Mortgage", "ChargeCard", "EMoney", "PrePaidCard"]),
    ("BalanceType", ["ClosingAvailable", "ClosingBooked", "ClosingCleared", "Expected", "ForwardAvailable", "Information", "InterimAvailable", "InterimBooked", "InterimCleared", "OpeningAvailable", "OpeningBooked", "OpeningCleared", "PreviouslyClosedBooked"]),
    ("CreditDebitIndicator", ["Credit", "Debit"]),
    ("CreditLineType", ["Available", "Credit", "Emergency", "Pre-Agreed", "Temporary"]),
    ("TransactionStatus", ["Booked", "Pending", "Rejected"]),
    ("TransactionMutability", ["Mutable", "Immutable"]),
    ("ChargeBearer", ["BorneByCreditor", "BorneByDebtor", "FollowingServiceLevel", "Shared"]),
    ("InstructionPriority", ["Normal", "Urgent"]),
    ("ExchangeRateType", ["Actual", "Agreed", "Indicative"]),
    ("AddressType", ["Business", "Correspondence", "DeliveryTo", "MailTo", "POBox", "Postal", "Residential", "Statement"]),
    ("PartyRole", ["Delegate", "Joint", "Sole", "Beneficiary", "Guarantor", "Trustee"]),
    ("ConsentStatus", ["AwaitingAuthorisation", "Authorised", "Consumed", "Rejected", "Revoked", "Expired"]),
    ("PaymentStatus", ["Pending", "Accepted", "AcceptedSettlementInProcess", "AcceptedSettlementCompleted", "AcceptedCreditSettlementCompleted", "AcceptedWithoutPosting", "Rejected", "Cancelled"]),
    ("Permission", ["ReadAccountsBasic", "ReadAccountsDetail", "ReadBalances", "ReadBeneficiariesBasic", "ReadBeneficiariesDetail", "ReadDirectDebits", "ReadOffers", "ReadPAN", "ReadParty", "ReadPartyPSU", "ReadProducts", "ReadScheduledPaymentsBasic", "ReadScheduledPaymentsDetail", "ReadStandingOrdersBasic", "ReadStandingOrdersDetail", "ReadStatementsBasic", "ReadStatementsDetail", "ReadTransactionsBasic", "ReadTransactionsCredits", "ReadTransactionsDebits", "ReadTransactionsDetail", "ReadCards", "ReadRefunds", "ReadFundsConfirmations"]),
    ("AuthorisationType", ["Any", "Single"]),
    ("ScaExemptionType", ["BillPayment", "ContactlessTravel", "EcommerceGoods", "EcommerceServices", "Kiosk", "Parking", "PartyToParty"]),
    ("AppliedAuthenticationApproach", ["CA", "SCA"]),
    ("CardScheme", ["AmericanExpress", "Diners", "Discover", "MasterCard", "Visa", "UnionPay", "Jcb"]),
    ("CardAuthorisationType", ["ConsumerDevice", "Contactless", "None", "PIN"]),
    ("CardStatus", ["Active", "Blocked", "Expired", "Lost", "Stolen", "Replaced"]),
    ("StatementType", ["AccountClosure", "AccountOpening", "Annual", "Interim", "RegularPeriodic"]),
    ("StatementAmountKind", ["ClosingBalance", "OpeningBalance", "TotalCredits", "TotalDebits", "InterestPaid", "InterestCharged", "FeesCharged", "CashbackEarned"]),
    ("ProductKind", ["BusinessCurrentAccount", "CommercialCreditCard", "Other", "PersonalCurrentAccount", "SMELoan", "Savings", "Mortgage"]),
    ("FeeCategory", ["Other", "Servicing", "Overdraft", "Transfer", "Cash", "Foreign", "Card", "Statement"]),
    ("FeeFrequency", ["OnOccurrence", "Daily", "Weekly", "Monthly", "Quarterly", "HalfYearly", "Yearly", "AtAccountClosing"]),
    ("InterestCalculationMethod", ["Compound", "SimpleInterest", "Tiered", "Banded"]),
    ("InterestDestination", ["PayAway", "SelfCredit", "Compound"]),
    ("OfferKind", ["BalanceTransfer", "LimitIncrease", "MoneyTransfer", "Other", "PromotionalRate"]),
    ("DirectDebitStatus", ["Active", "Inactive", "Cancelled"]),
    ("StandingOrderStatus", ["Active", "Inactive", "Completed", "Cancelled"]),
    ("ScheduledPaymentDateKind", ["Arrival", "Execution"]),
    ("BeneficiaryKind", ["Trusted", "Ordinary"]),
    ("FilePaymentFormat", ["PaymentInitiationV3", "BulkCreditTransfer", "SepaCreditTransfer", "DomesticBatch"]),
    ("PaymentContext", ["BillingGoodsAndServicesInAdvance", "BillingGoodsAndServicesInArrears", "EcommerceGoods", "EcommerceServices", "Other", "PartyToParty", "TransferToSelf", "TransferToThirdParty"]),
    ("ErrorCode", ["Field.Expected", "Field.Invalid", "Field.InvalidDate", "Field.Missing", "Field.Unexpected", "Header.Invalid", "Header.Missing", "Resource.ConsentMismatch", "Resource.InvalidConsentStatus", "Resource.InvalidFormat", "Resource.NotFound", "Rules.AfterCutOffDateTime", "Rules.DuplicateReference", "Rules.InsufficientFunds", "Signature.Invalid", "Signature.Missing", "Unsupported.AccountIdentifier", "Unsupported.Currency", "Unsupported.Frequency", "Unsupported.LocalInstrument", "Unsupported.Scheme"]),
    ("RefundStatus", ["Requested", "Processing", "Completed", "Rejected"]),
    ("FundsAvailability", ["Available", "NotAvailable", "Unknown"]),
    ("Channel", ["Online", "Mobile", "Branch", "Telephone", "Post", "Api"]),
    ("EventKind", ["PaymentStatusChanged", "ConsentRevoked", "ConsentExpired", "AccountAccessGranted", "BalanceThresholdReached", "CardBlocked", "DirectDebitCreated", "RefundCompleted"]),
    ("LoanRepaymentKind", ["CapitalAndInterest", "InterestOnly", "Balloon", "Bullet"]),
    ("MortgageRateKind", ["Fixed", "Tracker", "StandardVariable", "Discounted", "Capped"]),
]
for name, values in ENUMS:
    define(name, {"type": "string", "enum": values})

# ---------------------------------------------------------------------------------------------
# Shared objects.
# ---------------------------------------------------------------------------------------------
define("Amount", obj({"amount": ref("DecimalAmount"), "currency": ref("CurrencyCode")}, ["amount", "currency"], "An amount of money in a currency.", closed=True))
define("SignedAmount", obj({"amount": ref("DecimalAmount"), "currency": ref("CurrencyCode"), "creditDebitIndicator": ref("CreditDebitIndicator")}, ["amount", "currency", "creditDebitIndicator"], "An amount with its direction.", closed=True))
define("DateRange", obj({"from": DATE, "to": DATE}, ["from"], "A range of days; `to` is open-ended when missing."))
define("DateTimeRange", obj({"from": DATE_TIME, "to": DATE_TIME}, ["from", "to"]))
define("PostalAddress", obj({
    "addressType": ref("AddressType"),
    "department": text(1, 70),
    "subDepartment": text(1, 70),
    "streetName": ref("AddressLine"),
    "buildingNumber": text(1, 16),
    "buildingName": text(1, 140),
    "floor": text(1, 70),
    "postBox": text(1, 16),
    "postCode": ref("PostCode"),
    "townName": text(1, 35),
    "districtName": text(1, 35),
    "countrySubdivision": ref("CountrySubdivisionCode"),
    "country": ref("CountryCode"),
    "addressLine": array(ref("AddressLine"), 0, 7),
}, ["country"], "A postal address in the structured form of ISO 20022."))
define("ContactDetails", obj({"email": ref("EmailAddress"), "phone": ref("PhoneNumber"), "mobile": ref("PhoneNumber"), "preferredChannel": ref("Channel"), "preferredLanguage": ref("LanguageTag")}))
define("AccountIdentification", obj({
    "schemeName": ref("ExternalAccountIdentificationCode"),
    "identification": text(1, 256),
    "name": ref("Name"),
    "secondaryIdentification": text(1, 34),
}, ["schemeName", "identification"], "An account identified in a named scheme."))
define("FinancialInstitutionIdentification", obj({
    "schemeName": ref("ExternalFinancialInstitutionIdentificationCode"),
    "identification": text(1, 35),
    "bic": ref("Bic"),
    "lei": ref("Lei"),
    "name": ref("Name"),
    "postalAddress": ref("PostalAddress"),
}, ["schemeName", "identification"]))
define("Links", obj({"self": URI, "first": URI, "prev": URI, "next": URI, "last": URI}, ["self"], "Links of a response page.", closed=True))
define("Meta", obj({"totalPages": {"type": "integer", "minimum": 0}, "totalRecords": {"type": "integer", "minimum": 0}, "firstAvailableDateTime": DATE_TIME, "lastAvailableDateTime": DATE_TIME, "requestId": ref("ResourceId")}))
define("ExchangeRate", obj({
    "unitCurrency": ref("CurrencyCode"),
    "targetCurrency": ref("CurrencyCode"),
    "exchangeRate": ref("DecimalRate"),
    "rateType": ref("ExchangeRateType"),
    "contractIdentification": text(1, 256),
    "quotationDate": DATE_TIME,
    "expirationDateTime": DATE_TIME,
}, ["unitCurrency", "exchangeRate", "rateType"]))
define("CurrencyExchange", obj({
    "sourceCurrency": ref("CurrencyCode"),
    "targetCurrency": ref("CurrencyCode"),
    "unitCurrency": ref("CurrencyCode"),
    "exchangeRate": ref("DecimalRate"),
    "contractIdentification": text(1, 35),
    "quotationDate": DATE_TIME,
    "instructedAmount": ref("Amount"),
}, ["sourceCurrency", "exchangeRate"]))
define("StructuredReference", obj({"reference": ref("Reference"), "issuer": text(1, 35), "referenceType": text(1, 35)}, ["reference"]))
define("RemittanceInformation", obj({
    "unstructured": array(ref("UnstructuredRemittance"), 0, 10),
    "structured": array(ref("StructuredReference"), 0, 10),
    "reference": ref("Reference"),
}))
define("Charge", obj({"chargeBearer": ref("ChargeBearer"), "type": text(1, 35), "amount": ref("Amount"), "vatAmount": ref("Amount")}, ["chargeBearer", "type", "amount"]))
define("BankTransactionCode", obj({"code": ref("ExternalBankTransactionFamilyCode"), "subCode": ref("ExternalBankTransactionSubFamilyCode"), "domain": text(4, 4)}, ["code", "subCode"]))
define("ProprietaryBankTransactionCode", obj({"code": text(1, 35), "issuer": text(1, 35)}, ["code"]))
define("MerchantDetails", obj({"merchantName": ref("Name"), "merchantCategoryCode": ref("MerchantCategoryCode"), "merchantCity": text(1, 35), "merchantCountry": ref("CountryCode"), "website": URI}))
define("GeoLocation", obj({"latitude": {"type": "number", "minimum": -90, "maximum": 90}, "longitude": {"type": "number", "minimum": -180, "maximum": 180}}, ["latitude", "longitude"], closed=True))
define("DeliveryAddress", obj({"addressLine": array(ref("AddressLine"), 0, 2), "streetName": ref("AddressLine"), "buildingNumber": text(1, 16), "postCode": ref("PostCode"), "townName": text(1, 35), "countrySubdivision": text(1, 35), "country": ref("CountryCode")}, ["townName", "country"]))
define("Risk", obj({
    "paymentContext": ref("PaymentContext"),
    "merchantCategoryCode": ref("MerchantCategoryCode"),
    "merchantCustomerIdentification": text(1, 70),
    "contractPresent": {"type": "boolean"},
    "beneficiaryPrepopulatedBy": ref("Channel"),
    "deliveryAddress": ref("DeliveryAddress"),
    "location": ref("GeoLocation"),
}, description="What the initiating party knows about the payment's risk."))
define("Authorisation", obj({"authorisationType": ref("AuthorisationType"), "completionDateTime": DATE_TIME, "numberOfAuthorisationRequired": {"type": "integer", "minimum": 1, "maximum": 20}}, ["authorisationType"]))
define("ScaSupportData", obj({"requestedScaExemptionType": ref("ScaExemptionType"), "appliedAuthenticationApproach": ref("AppliedAuthenticationApproach"), "referencePaymentOrderId": text(1, 128)}))
define("MultiAuthorisation", obj({"status": {"type": "string", "enum": ["Authorised", "AwaitingFurtherAuthorisation", "Rejected"]}, "numberRequired": {"type": "integer", "minimum": 1}, "numberReceived": {"type": "integer", "minimum": 0}, "lastUpdateDateTime": DATE_TIME, "expirationDateTime": DATE_TIME}, ["status"]))
define("SupplementaryData", map_of(text(0, 500), 50))
define("ErrorItem", obj({"errorCode": ref("ErrorCode"), "message": text(1, 500), "path": text(1, 500), "url": URI}, ["errorCode", "message"], closed=True))
define("ErrorResponse", obj({"code": text(1, 40), "id": text(1, 40), "message": text(1, 500), "errors": array(ref("ErrorItem"), 1)}, ["code", "message", "errors"], "The body of every 4xx and 5xx response.", closed=True))
define("InterestRateBand", obj({"fromAmount": ref("DecimalAmount"), "toAmount": ref("DecimalAmount"), "rate": ref("DecimalRate"), "calculationMethod": ref("InterestCalculationMethod")}, ["fromAmount", "rate"]))
define("FeeCharge", obj({
    "category": ref("FeeCategory"),
    "name": ref("ShortName"),
    "frequency": ref("FeeFrequency"),
    "amount": ref("Amount"),
    "rate": ref("DecimalRate"),
    "notes": array(ref("Description"), 0, 5),
}, ["category", "name", "frequency"]))
define("CardInfo", obj({"scheme": ref("CardScheme"), "maskedPan": ref("MaskedPan"), "expiry": ref("CardExpiry"), "authorisationType": ref("CardAuthorisationType"), "cardholderName": ref("Name")}, ["scheme", "maskedPan"]))

# ---------------------------------------------------------------------------------------------
# Base objects extended with allOf.
# ---------------------------------------------------------------------------------------------
define("ResourceBase", obj({"id": ref("ResourceId"), "createdAt": DATE_TIME, "updatedAt": DATE_TIME, "supplementaryData": ref("SupplementaryData")}, ["id", "createdAt"], "What every resource the server keeps has."))

define("AccountBase", extend("ResourceBase", {
    "status": ref("AccountStatus"),
    "statusUpdateDateTime": DATE_TIME,
    "currency": ref("CurrencyCode"),
    "category": ref("AccountCategory"),
    "usage": ref("AccountUsage"),
    "nickname": ref("ShortName"),
    "openingDate": DATE,
    "maturityDate": DATE,
    "identifications": array(ref("AccountIdentification"), 1, 10),
    "servicer": ref("FinancialInstitutionIdentification"),
}, ["status", "currency", "category", "identifications"], "What every kind of account has."))
define("CurrentAccount", extend("AccountBase", {
    "accountKind": const("current"),
    "overdraftLimit": ref("Amount"),
    "chequeBook": {"type": "boolean"},
    "switchedFrom": ref("AccountIdentification"),
}, ["accountKind"]))
define("SavingsAccount", extend("AccountBase", {
    "accountKind": const("savings"),
    "interestRate": ref("DecimalRate"),
    "interestBands": array(ref("InterestRateBand"), 0, 20),
    "noticePeriodDays": {"type": "integer", "minimum": 0, "maximum": 365},
    "interestDestination": ref("InterestDestination"),
}, ["accountKind", "interestRate"]))
define("CreditCardAccount", extend("AccountBase", {
    "accountKind": const("creditCard"),
    "creditLimit": ref("Amount"),
    "statementDay": {"type": "integer", "minimum": 1, "maximum": 28},
    "cards": array(ref("CardInfo"), 0, 10),
    "minimumPaymentRate": ref("DecimalRate"),
}, ["accountKind", "creditLimit"]))
define("LoanAccount", extend("AccountBase", {
    "accountKind": const("loan"),
    "principal": ref("Amount"),
    "outstanding": ref("Amount"),
    "termMonths": {"type": "integer", "minimum": 1, "maximum": 480},
    "repaymentKind": ref("LoanRepaymentKind"),
    "nextRepaymentDate": DATE,
}, ["accountKind", "principal", "outstanding"]))
define("MortgageAccount", extend("AccountBase", {
    "accountKind": const("mortgage"),
    "principal": ref("Amount"),
    "outstanding": ref("Amount"),
    "rateKind": ref("MortgageRateKind"),
    "rate": ref("DecimalRate"),
    "propertyAddress": ref("PostalAddress"),
    "fixedUntil": DATE,
}, ["accountKind", "principal", "rateKind"]))
define("Account", union(["CurrentAccount", "SavingsAccount", "CreditCardAccount", "LoanAccount", "MortgageAccount"], "An account of one of five kinds, told apart by `accountKind`."))

define("PartyBase", extend("ResourceBase", {
    "partyNumber": text(1, 35),
    "role": ref("PartyRole"),
    "contact": ref("ContactDetails"),
    "addresses": array(ref("PostalAddress"), 0, 5),
    "relationships": map_of(ref("ResourceId"), 20),
}, ["role"]))
define("IndividualParty", extend("PartyBase", {
    "partyKind": const("individual"),
    "givenName": ref("Name"),
    "familyName": ref("Name"),
    "birthDate": DATE,
    "nationality": ref("CountryCode"),
}, ["partyKind", "familyName"]))
define("OrganisationParty", extend("PartyBase", {
    "partyKind": const("organisation"),
    "legalName": ref("Name"),
    "tradingName": ref("Name"),
    "lei": ref("Lei"),
    "registrationNumber": text(1, 35),
    "incorporationCountry": ref("CountryCode"),
}, ["partyKind", "legalName"]))
define("Party", union(["IndividualParty", "OrganisationParty"], "A person or an organisation, told apart by `partyKind`."))

# Payment instruments and creditors: unions of plain objects.
define("CardInstrument", obj({"instrumentKind": const("card"), "card": ref("CardInfo"), "tokenised": {"type": "boolean"}}, ["instrumentKind", "card"], closed=True))
define("AccountInstrument", obj({"instrumentKind": const("account"), "account": ref("AccountIdentification"), "agent": ref("FinancialInstitutionIdentification")}, ["instrumentKind", "account"], closed=True))
define("WalletInstrument", obj({"instrumentKind": const("wallet"), "provider": text(1, 35), "walletId": text(1, 64), "deviceName": ref("ShortName")}, ["instrumentKind", "provider", "walletId"], closed=True))
define("ProxyInstrument", obj({"instrumentKind": const("proxy"), "proxyType": {"type": "string", "enum": ["Phone", "Email", "NationalId", "BusinessId"]}, "proxy": text(1, 256)}, ["instrumentKind", "proxyType", "proxy"], closed=True))
define("PaymentInstrument", union(["CardInstrument", "AccountInstrument", "WalletInstrument", "ProxyInstrument"], "How a payment is made, told apart by `instrumentKind`."))

define("AccountCreditor", obj({"creditorKind": const("account"), "account": ref("AccountIdentification"), "agent": ref("FinancialInstitutionIdentification"), "name": ref("Name"), "postalAddress": ref("PostalAddress")}, ["creditorKind", "account"]))
define("ProxyCreditor", obj({"creditorKind": const("proxy"), "proxy": text(1, 256), "proxyType": {"type": "string", "enum": ["Phone", "Email", "NationalId", "BusinessId"]}, "name": ref("Name")}, ["creditorKind", "proxy", "proxyType"]))
define("BeneficiaryCreditor", obj({"creditorKind": const("beneficiary"), "beneficiaryId": ref("ResourceId")}, ["creditorKind", "beneficiaryId"]))
define("Creditor", union(["AccountCreditor", "ProxyCreditor", "BeneficiaryCreditor"], "Who is paid, told apart by `creditorKind`."))

# Transaction details: a union of four kinds.
define("CardTransactionDetails", obj({"detailsKind": const("card"), "card": ref("CardInfo"), "merchant": ref("MerchantDetails"), "authorisationCode": text(6, 6), "location": ref("GeoLocation")}, ["detailsKind", "card"]))
define("TransferTransactionDetails", obj({"detailsKind": const("transfer"), "counterparty": ref("AccountIdentification"), "counterpartyAgent": ref("FinancialInstitutionIdentification"), "remittance": ref("RemittanceInformation"), "endToEndIdentification": ref("EndToEndIdentification")}, ["detailsKind", "counterparty"]))
define("DirectDebitTransactionDetails", obj({"detailsKind": const("directDebit"), "mandateIdentification": text(1, 35), "creditorName": ref("Name"), "creditorId": text(1, 35), "sequence": {"type": "string", "enum": ["First", "Recurring", "Final", "OneOff"]}}, ["detailsKind", "mandateIdentification"]))
define("FeeTransactionDetails", obj({"detailsKind": const("fee"), "fee": ref("FeeCharge"), "period": ref("DateRange")}, ["detailsKind", "fee"]))
define("TransactionDetails", union(["CardTransactionDetails", "TransferTransactionDetails", "DirectDebitTransactionDetails", "FeeTransactionDetails"], "What kind of movement a transaction is, told apart by `detailsKind`."))

# Payment instructions: a base and three extensions.
define("PaymentInstructionBase", obj({
    "instructionIdentification": ref("InstructionIdentification"),
    "endToEndIdentification": ref("EndToEndIdentification"),
    "localInstrument": ref("ExternalLocalInstrumentCode"),
    "instructedAmount": ref("Amount"),
    "debtorAccount": ref("AccountIdentification"),
    "creditor": ref("Creditor"),
    "remittance": ref("RemittanceInformation"),
    "purpose": ref("ExternalPurposeCode"),
    "categoryPurpose": ref("ExternalCategoryPurposeCode"),
    "supplementaryData": ref("SupplementaryData"),
}, ["instructionIdentification", "endToEndIdentification", "instructedAmount", "creditor"], "What every payment instruction has."))
define("DomesticInitiation", extend("PaymentInstructionBase", {"priority": ref("InstructionPriority")}))
define("InternationalInitiation", extend("PaymentInstructionBase", {
    "instructionPriority": ref("InstructionPriority"),
    "chargeBearer": ref("ChargeBearer"),
    "currencyOfTransfer": ref("CurrencyCode"),
    "destinationCountry": ref("CountryCode"),
    "exchangeRate": ref("ExchangeRate"),
    "creditorAgent": ref("FinancialInstitutionIdentification"),
    "intermediaryAgents": array(ref("FinancialInstitutionIdentification"), 0, 3),
}, ["currencyOfTransfer"]))
define("ScheduledInitiation", extend("PaymentInstructionBase", {"requestedExecutionDateTime": DATE_TIME, "dateKind": ref("ScheduledPaymentDateKind")}, ["requestedExecutionDateTime"]))
define("StandingOrderInitiation", obj({
    "frequency": ref("Frequency"),
    "reference": ref("Reference"),
    "numberOfPayments": {"type": "integer", "minimum": 1, "maximum": 9999},
    "firstPaymentDateTime": DATE_TIME,
    "recurringPaymentDateTime": DATE_TIME,
    "finalPaymentDateTime": DATE_TIME,
    "firstPaymentAmount": ref("Amount"),
    "recurringPaymentAmount": ref("Amount"),
    "finalPaymentAmount": ref("Amount"),
    "debtorAccount": ref("AccountIdentification"),
    "creditor": ref("Creditor"),
}, ["frequency", "firstPaymentDateTime", "firstPaymentAmount", "creditor"]))
define("FileInitiation", obj({
    "fileType": ref("FilePaymentFormat"),
    "fileHash": {"type": "string", "pattern": "^[A-Za-z0-9+/]{43}=$", "minLength": 44, "maxLength": 44},
    "fileReference": ref("Reference"),
    "numberOfTransactions": {"type": "integer", "minimum": 1, "maximum": 100000},
    "controlSum": ref("DecimalAmount"),
    "requestedExecutionDateTime": DATE_TIME,
    "debtorAccount": ref("AccountIdentification"),
}, ["fileType", "fileHash", "numberOfTransactions"]))

# Webhook events: a union of eight kinds.
EVENTS = [
    ("PaymentStatusChangedEvent", "paymentStatusChanged", {"paymentId": ref("ResourceId"), "status": ref("PaymentStatus"), "previousStatus": ref("PaymentStatus")}, ["paymentId", "status"]),
    ("ConsentRevokedEvent", "consentRevoked", {"consentId": ref("ConsentId"), "revokedBy": ref("Channel")}, ["consentId"]),
    ("ConsentExpiredEvent", "consentExpired", {"consentId": ref("ConsentId"), "expiredAt": DATE_TIME}, ["consentId", "expiredAt"]),
    ("AccountAccessGrantedEvent", "accountAccessGranted", {"consentId": ref("ConsentId"), "accountIds": array(ref("ResourceId"), 1, 100, True), "permissions": array(ref("Permission"), 1, None, True)}, ["consentId", "accountIds"]),
    ("BalanceThresholdReachedEvent", "balanceThresholdReached", {"accountId": ref("ResourceId"), "threshold": ref("Amount"), "balance": ref("SignedAmount")}, ["accountId", "threshold", "balance"]),
    ("CardBlockedEvent", "cardBlocked", {"card": ref("CardInfo"), "status": ref("CardStatus"), "reason": ref("Description")}, ["card", "status"]),
    ("DirectDebitCreatedEvent", "directDebitCreated", {"accountId": ref("ResourceId"), "mandateIdentification": text(1, 35), "creditorName": ref("Name")}, ["accountId", "mandateIdentification"]),
    ("RefundCompletedEvent", "refundCompleted", {"refundId": ref("ResourceId"), "amount": ref("Amount"), "paymentId": ref("ResourceId")}, ["refundId", "amount"]),
]
for name, kind, properties, required in EVENTS:
    define(name, obj(dict({"eventKind": const(kind), "eventId": ref("ResourceId"), "occurredAt": DATE_TIME}, **properties), ["eventKind", "eventId", "occurredAt"] + required))
define("Event", union([e[0] for e in EVENTS], "A webhook notification, told apart by `eventKind`."))
define("EventDelivery", obj({"subscriptionId": ref("ResourceId"), "attempt": {"type": "integer", "minimum": 1, "maximum": 20}, "events": array(ref("Event"), 1, 100)}, ["subscriptionId", "events"], closed=True))

# ---------------------------------------------------------------------------------------------
# Resources: each extends ResourceBase, and the API wraps it in a single, a list and (when the
# client creates it) a create envelope.
# ---------------------------------------------------------------------------------------------
RESOURCES = [
    ("Balance", {"accountId": ref("ResourceId"), "balanceType": ref("BalanceType"), "amount": ref("SignedAmount"), "dateTime": DATE_TIME, "creditLines": array(obj({"included": {"type": "boolean"}, "lineType": ref("CreditLineType"), "amount": ref("Amount")}, ["included"]), 0, 10)}, ["accountId", "balanceType", "amount", "dateTime"], False),
    ("Transaction", {"accountId": ref("ResourceId"), "transactionReference": ref("Reference"), "status": ref("TransactionStatus"), "mutability": ref("TransactionMutability"), "bookingDateTime": DATE_TIME, "valueDateTime": DATE_TIME, "amount": ref("SignedAmount"), "charge": ref("Charge"), "currencyExchange": ref("CurrencyExchange"), "bankTransactionCode": ref("BankTransactionCode"), "proprietaryCode": ref("ProprietaryBankTransactionCode"), "balanceAfter": ref("SignedAmount"), "details": ref("TransactionDetails"), "information": ref("Description"), "categories": array(text(1, 35), 0, 5, True)}, ["accountId", "status", "bookingDateTime", "amount"], False),
    ("Beneficiary", {"accountId": ref("ResourceId"), "beneficiaryKind": ref("BeneficiaryKind"), "reference": ref("Reference"), "creditor": ref("Creditor"), "trustedSince": DATE}, ["beneficiaryKind", "creditor"], True),
    ("DirectDebit", {"accountId": ref("ResourceId"), "mandateIdentification": text(1, 35), "status": ref("DirectDebitStatus"), "creditorName": ref("Name"), "previousPaymentDateTime": DATE_TIME, "previousPaymentAmount": ref("Amount"), "frequency": ref("Frequency")}, ["accountId", "mandateIdentification", "creditorName"], False),
    ("StandingOrder", {"accountId": ref("ResourceId"), "status": ref("StandingOrderStatus"), "initiation": ref("StandingOrderInitiation"), "nextPaymentDateTime": DATE_TIME, "lastPaymentDateTime": DATE_TIME, "lastPaymentAmount": ref("Amount")}, ["accountId", "status", "initiation"], True),
    ("ScheduledPayment", {"accountId": ref("ResourceId"), "initiation": ref("ScheduledInitiation"), "debtorReference": ref("Reference")}, ["accountId", "initiation"], True),
    ("Statement", {"accountId": ref("ResourceId"), "statementReference": text(1, 35), "statementType": ref("StatementType"), "period": ref("DateTimeRange"), "creationDateTime": DATE_TIME, "descriptions": array(ref("Description"), 0, 10), "amounts": map_of(ref("SignedAmount"), 20), "rates": map_of(ref("DecimalRate"), 20), "fees": array(ref("FeeCharge"), 0, 50), "document": URI}, ["accountId", "statementType", "period", "creationDateTime"], False),
    ("Product", {"accountId": ref("ResourceId"), "productKind": ref("ProductKind"), "productName": ref("Name"), "marketingStateId": text(1, 35), "fees": array(ref("FeeCharge"), 0, 50), "interestBands": array(ref("InterestRateBand"), 0, 20), "features": map_of({"type": "boolean"}, 40), "eligibility": array(ref("Description"), 0, 10)}, ["productKind", "productName"], False),
    ("Offer", {"accountId": ref("ResourceId"), "offerKind": ref("OfferKind"), "description": ref("Description"), "validity": ref("DateRange"), "amount": ref("Amount"), "fee": ref("Amount"), "rate": ref("DecimalRate"), "termMonths": {"type": "integer", "minimum": 1, "maximum": 120}, "url": URI}, ["offerKind", "description"], False),
    ("AccountParty", {"accountId": ref("ResourceId"), "party": ref("Party"), "since": DATE}, ["accountId", "party"], False),
    ("DomesticPayment", {"consentId": ref("ConsentId"), "status": ref("PaymentStatus"), "statusUpdateDateTime": DATE_TIME, "expectedExecutionDateTime": DATE_TIME, "expectedSettlementDateTime": DATE_TIME, "charges": array(ref("Charge"), 0, 10), "initiation": ref("DomesticInitiation"), "multiAuthorisation": ref("MultiAuthorisation"), "instrument": ref("PaymentInstrument")}, ["consentId", "status", "initiation"], True),
    ("InternationalPayment", {"consentId": ref("ConsentId"), "status": ref("PaymentStatus"), "statusUpdateDateTime": DATE_TIME, "expectedExecutionDateTime": DATE_TIME, "charges": array(ref("Charge"), 0, 10), "exchangeRate": ref("ExchangeRate"), "initiation": ref("InternationalInitiation"), "multiAuthorisation": ref("MultiAuthorisation")}, ["consentId", "status", "initiation"], True),
    ("FilePayment", {"consentId": ref("ConsentId"), "status": ref("PaymentStatus"), "initiation": ref("FileInitiation"), "report": URI, "acceptedTransactions": {"type": "integer", "minimum": 0}, "rejectedTransactions": {"type": "integer", "minimum": 0}}, ["consentId", "status", "initiation"], True),
    ("AccountConsent", {"status": ref("ConsentStatus"), "statusUpdateDateTime": DATE_TIME, "permissions": array(ref("Permission"), 1, None, True), "expirationDateTime": DATE_TIME, "transactionWindow": ref("DateTimeRange"), "accountIds": array(ref("ResourceId"), 0, 100, True)}, ["status", "permissions"], True),
    ("PaymentConsent", {"status": ref("ConsentStatus"), "statusUpdateDateTime": DATE_TIME, "initiation": ref("DomesticInitiation"), "authorisation": ref("Authorisation"), "scaSupportData": ref("ScaSupportData"), "readRefundAccount": {"type": "boolean"}, "cutOffDateTime": DATE_TIME, "charges": array(ref("Charge"), 0, 10), "risk": ref("Risk")}, ["status", "initiation", "risk"], True),
    ("FundsConfirmation", {"consentId": ref("ConsentId"), "reference": ref("Reference"), "instructedAmount": ref("Amount"), "availability": ref("FundsAvailability"), "confirmedAt": DATE_TIME}, ["consentId", "instructedAmount", "availability"], True),
    ("Refund", {"paymentId": ref("ResourceId"), "status": ref("RefundStatus"), "amount": ref("Amount"), "reason": ref("Description"), "refundAccount": ref("AccountIdentification")}, ["paymentId", "status", "amount"], True),
    ("Card", {"accountId": ref("ResourceId"), "card": ref("CardInfo"), "status": ref("CardStatus"), "limits": map_of(ref("Amount"), 10), "issuedOn": DATE, "replacedCardId": ref("ResourceId")}, ["accountId", "card", "status"], False),
    ("WebhookSubscription", {"url": URI, "eventKinds": array(ref("EventKind"), 1, None, True), "secretHint": text(4, 4), "active": {"type": "boolean"}}, ["url", "eventKinds", "active"], True),
]
for name, properties, required, creatable in RESOURCES:
    define(name, extend("ResourceBase", properties, required))
    define(name + "Response", obj({"data": ref(name), "links": ref("Links"), "meta": ref("Meta")}, ["data", "links"], closed=True))
    define(name + "Page", obj({"items": array(ref(name), 0, 1000)}, ["items"], closed=True))
    define(name + "ListResponse", obj({"data": ref(name + "Page"), "links": ref("Links"), "meta": ref("Meta")}, ["data", "links", "meta"], closed=True))
    if creatable:
        writable = {k: v for k, v in properties.items() if k not in ("status", "statusUpdateDateTime", "consentId")}
        wrequired = [r for r in required if r in writable]
        define(name + "Draft", obj(writable, wrequired))
        define(name + "CreateRequest", obj({"data": ref(name + "Draft"), "risk": ref("Risk"), "idempotencyKey": ref("IdempotencyKey")}, ["data"], closed=True))

# The accounts themselves: single and list envelopes over the union.
define("AccountResponse", obj({"data": ref("Account"), "links": ref("Links"), "meta": ref("Meta")}, ["data", "links"], closed=True))
define("AccountPage", obj({"items": array(ref("Account"), 0, 1000)}, ["items"], closed=True))
define("AccountListResponse", obj({"data": ref("AccountPage"), "links": ref("Links"), "meta": ref("Meta")}, ["data", "links", "meta"], closed=True))
define("PartyResponse", obj({"data": ref("Party"), "links": ref("Links"), "meta": ref("Meta")}, ["data", "links"], closed=True))

ROOT = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "BankingApi",
    "description": "A banking and payments API of our own design, its components converted to one draft-07 schema file, for the generated-size benchmark (bench/generated-size.sh). Written by bench/schemas/make-banking-api.py; do not edit by hand.",
    "type": "object",
    "properties": {"apiVersion": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+$"}, "error": ref("ErrorResponse")},
    "definitions": DEFS,
}

if __name__ == "__main__":
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "banking-api.schema.json")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        json.dump(ROOT, out, indent=2, ensure_ascii=False)
        out.write("\n")
    print(f"wrote {path}: {len(DEFS)} definitions")
