using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Insights.Contracts.Benchmarks;

// What a user writes by hand for the payment-events feed without the generator: System.Text.Json
// polymorphic records told apart by the same "type" discriminator, no validation at all.
public sealed record PlainPaymentEvents(long Page, List<PlainPaymentEvent> Events);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlainCardPayment), "card_payment")]
[JsonDerivedType(typeof(PlainBankTransfer), "bank_transfer")]
[JsonDerivedType(typeof(PlainRefund), "refund")]
[JsonDerivedType(typeof(PlainChargeback), "chargeback")]
public abstract record PlainPaymentEvent(string Id, string CreatedAt, PlainMoney Amount);

public sealed record PlainMoney(long AmountMinor, string Currency);

public sealed record PlainCardPayment(string Id, string CreatedAt, PlainMoney Amount, PlainCard Card, bool Captured, string? Description)
    : PlainPaymentEvent(Id, CreatedAt, Amount);

public sealed record PlainCard(PlainCardBrand Brand, string Last4, int ExpMonth, int ExpYear);

public enum PlainCardBrand
{
    [JsonStringEnumMemberName("visa")]
    Visa,
    [JsonStringEnumMemberName("mastercard")]
    Mastercard,
    [JsonStringEnumMemberName("amex")]
    Amex,
}

public sealed record PlainBankTransfer(string Id, string CreatedAt, PlainMoney Amount, PlainDebtor Debtor, string? Reference, PlainTransferStatus Status)
    : PlainPaymentEvent(Id, CreatedAt, Amount);

public sealed record PlainDebtor(string Name, string Iban);

public enum PlainTransferStatus
{
    [JsonStringEnumMemberName("pending")]
    Pending,
    [JsonStringEnumMemberName("settled")]
    Settled,
    [JsonStringEnumMemberName("returned")]
    Returned,
}

public sealed record PlainRefund(string Id, string CreatedAt, PlainMoney Amount, string PaymentId, PlainRefundReason Reason)
    : PlainPaymentEvent(Id, CreatedAt, Amount);

public enum PlainRefundReason
{
    [JsonStringEnumMemberName("requested_by_customer")]
    RequestedByCustomer,
    [JsonStringEnumMemberName("duplicate")]
    Duplicate,
    [JsonStringEnumMemberName("fraudulent")]
    Fraudulent,
}

public sealed record PlainChargeback(string Id, string CreatedAt, PlainMoney Amount, string PaymentId, string ReasonCode, DateOnly EvidenceDueBy)
    : PlainPaymentEvent(Id, CreatedAt, Amount);

/// <summary>System.Text.Json source-generated metadata: the discriminator must be the first member of each event.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(PlainPaymentEvents))]
public sealed partial class PlainUnionJsonContext : JsonSerializerContext;

/// <summary>The same, with <c>AllowOutOfOrderMetadataProperties</c>: the discriminator may come anywhere in the event.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true, AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(PlainPaymentEvents))]
public sealed partial class PlainUnionOutOfOrderJsonContext : JsonSerializerContext;
