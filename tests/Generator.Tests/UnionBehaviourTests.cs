using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Insights.Contracts.Generator.Tests;

/// <summary>
/// Unions of objects and allOf inheritance, through C# written against the generated types, as a
/// user writes it: the order schema of the real-world corpus (customer, address and line item as
/// <c>$defs</c>, a payment that is a <c>oneOf</c> of two <c>$ref</c> objects told apart by a const
/// <c>kind</c>), a union without a discriminator, and an allOf-derived union.
/// </summary>
public class UnionBehaviourTests
{
    private static readonly string OrderSchema = File.ReadAllText(Repository.Path("tests", "Generator.Tests", "RealWorld", "order", "order.schema.json"));

    private const string ShapeSchema = """
        {
          "$defs": {
            "circle": { "type": "object", "required": ["radius"], "properties": { "radius": { "type": "number", "exclusiveMinimum": 0 } }, "additionalProperties": false },
            "rectangle": { "type": "object", "required": ["width", "height"], "properties": { "width": { "type": "number" }, "height": { "type": "number" } }, "additionalProperties": false },
            "blob": { "type": "object", "properties": { "radius": { "type": "number" }, "label": { "type": "string" } } }
          },
          "type": "object",
          "required": ["shape"],
          "properties": {
            "shape": { "oneOf": [{ "$ref": "#/$defs/circle" }, { "$ref": "#/$defs/rectangle" }] },
            "any": { "anyOf": [{ "$ref": "#/$defs/circle" }, { "$ref": "#/$defs/blob" }] }
          }
        }
        """;

    private const string EventSchema = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "oneOf": [{ "$ref": "#/definitions/created" }, { "$ref": "#/definitions/deleted" }],
          "definitions": {
            "envelope": {
              "type": "object",
              "required": ["id", "type"],
              "properties": { "id": { "type": "string", "pattern": "^evt_" }, "type": { "type": "string" }, "data": { "type": "object", "required": ["object"], "properties": { "object": { "type": "object" } } } }
            },
            "created": { "allOf": [{ "$ref": "#/definitions/envelope" }, { "properties": { "type": { "const": "customer.created" }, "data": { "properties": { "object": { "required": ["email"], "properties": { "email": { "type": "string" } } } } } } }] },
            "deleted": { "allOf": [{ "$ref": "#/definitions/envelope" }, { "required": ["reason"], "properties": { "type": { "const": "customer.deleted" }, "reason": { "type": "string", "maxLength": 20 } } }] }
          }
        }
        """;

    /// <summary>What a user writes: parse, switch on the derived types and the Variant enum, build in code, write.</summary>
    private const string UserCode = """
        using System.Linq;

        namespace Test.Contracts;

        public static class Scenario
        {
            public static string Describe(string json)
            {
                var result = Order.Parse(json);
                if (result.Value is not { } order)
                {
                    return "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
                }

                string byType = order.Payment switch
                {
                    CardPayment card => $"card {card.Brand} {card.Last4}",
                    BankTransferPayment bank => $"bank {bank.Iban} {bank.Reference}",
                    _ => "unknown",
                };
                string byVariant = order.Payment.Variant switch
                {
                    PaymentVariant.Card => "Card",
                    PaymentVariant.BankTransfer => "BankTransfer",
                    _ => "?",
                };
                return $"{byType} ({byVariant})";
            }

            public static string BuildAndWrite()
            {
                var order = new Order
                {
                    Id = "ord_12345678",
                    Customer = new Customer { Id = "c1", Email = "ada@example.com" },
                    LineItems = [new LineItem { Sku = "tea", Quantity = 2, UnitPrice = 3.5 }],
                    Payment = new CardPayment { Last4 = "4242", Brand = CardPaymentBrand.Visa },
                };
                string json = order.ToJson();
                bool roundTrips = Order.Parse(json).Value == order;
                return $"{json}|{order.Validate().IsValid}|{roundTrips}";
            }

            public static string Shapes(string json)
            {
                var result = Shape.Parse(json);
                if (result.Value is not { } value)
                {
                    return "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
                }

                return $"{value.ShapeValue.Variant} {value.Any?.Variant}";
            }

            public static string AmbiguousInCode()
            {
                // A circle that is a blob too: fine for anyOf; and for oneOf a circle matches only one branch.
                var value = new Shape { ShapeValue = new Circle { Radius = 1 }, Any = new Blob { Radius = 2 } };
                return value.Validate().IsValid.ToString();
            }

            public static string Events(string json)
            {
                var result = Event.Parse(json);
                if (result.Value is not { } value)
                {
                    return "invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.Keyword}"));
                }

                return value switch
                {
                    Created created => $"created {created.Id} {created.Data?.Object.Email}",
                    Deleted deleted => $"deleted {deleted.Id} {deleted.Reason}",
                    _ => "unknown",
                };
            }
        }
        """;

    private static readonly Lazy<(GeneratorOutput Output, Assembly Assembly)> Generated = new(() =>
    {
        GeneratorOutput output = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver(
            [
                new InMemoryAdditionalText("/s/order.schema.json", OrderSchema),
                new InMemoryAdditionalText("/s/shape.schema.json", ShapeSchema),
                new InMemoryAdditionalText("/s/event.schema.json", EventSchema),
            ]),
            GeneratorHarness.CreateCompilation(UserCode));
        return (output, GeneratorHarness.Load(output));
    });

    private static string Call(string method, params object[] arguments) =>
        (string)Generated.Value.Assembly.GetType("Test.Contracts.Scenario", throwOnError: true)!.GetMethod(method)!.Invoke(null, arguments)!;

    private static Type Contract(string name) => Generated.Value.Assembly.GetType("Test.Contracts." + name, throwOnError: true)!;

    [Fact]
    public void The_order_schema_gives_every_definition_a_record_and_the_payment_an_abstract_record_with_two_derived_ones_without_a_diagnostic()
    {
        Assert.Empty(Generated.Value.Output.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == "/s/order.schema.json"));
        foreach (string definition in new[] { "Customer", "Address", "LineItem", "CardPayment", "BankTransferPayment" })
        {
            Type type = Contract(definition);
            Assert.True(type.IsSealed && type.GetProperties().Length > 1, definition);
        }

        Type payment = Contract("Payment");
        Assert.True(payment.IsAbstract);
        Assert.Equal(["BankTransferPayment", "CardPayment"], Generated.Value.Assembly.GetTypes().Where(t => t.BaseType == payment).Select(t => t.Name).Order());
        Assert.Equal(payment, Contract("Order").GetProperty("Payment")!.PropertyType);
    }

    [Theory]
    [InlineData("""{"kind": "card", "last4": "4242", "brand": "visa"}""", "card Visa 4242 (Card)")]
    [InlineData("""{"last4": "4242", "brand": "amex", "kind": "card"}""", "card Amex 4242 (Card)")]
    [InlineData("""{"iban": "DE89370400440532013000", "reference": "INV-7", "kind": "bank_transfer"}""", "bank DE89370400440532013000 INV-7 (BankTransfer)")]
    public void A_payment_is_read_as_its_branch_wherever_the_discriminator_is(string payment, string expected) =>
        Assert.Equal(expected, Call("Describe", Order(payment)));

    [Theory]
    [InlineData("""{"kind": "cash"}""", "/payment oneOf")]
    [InlineData("""{"last4": "4242", "brand": "visa"}""", "/payment oneOf")]
    [InlineData("""{"kind": 5, "last4": "4242", "brand": "visa"}""", "/payment oneOf")]
    [InlineData("""{"kind": "bank_transfer", "iban": "not an iban"}""", "/payment/iban pattern")]
    [InlineData("""{"kind": "card", "last4": "4242", "brand": "visa", "iban": "DE89370400440532013000"}""", "/payment/iban additionalProperties")]
    [InlineData("""{"kind": "card", "kind": "card", "last4": "4242", "brand": "visa"}""", "/payment/kind duplicateProperty")]
    [InlineData("\"card\"", "/payment oneOf")]
    public void A_payment_that_is_no_alternative_is_an_error_at_the_payment_or_inside_the_branch(string payment, string expected) =>
        Assert.Equal("invalid: " + expected, Call("Describe", Order(payment)));

    [Fact]
    public void A_payment_built_in_code_needs_no_kind_and_writes_it()
    {
        string[] parts = Call("BuildAndWrite").Split('|');

        Assert.Contains("\"payment\":{\"kind\":\"card\",\"last4\":\"4242\",\"brand\":\"visa\"}", parts[0]);
        Assert.Equal(["True", "True"], parts[1..]);
    }

    /// <summary>
    /// A branch's discriminator is fixed by its type: a get-only property returning the branch's
    /// value (still written), so <c>new CardPayment { Kind = "bank_transfer" }</c> does not compile
    /// rather than failing only in <c>Validate()</c>.
    /// </summary>
    [Fact]
    public void A_branch_fixes_its_discriminator_so_code_cannot_set_another()
    {
        System.Reflection.PropertyInfo kind = Contract("CardPayment").GetProperty("Kind")!;
        Assert.False(kind.CanWrite);
        Assert.Equal("card", kind.GetValue(Activator.CreateInstance(Contract("CardPayment"))));

        GeneratorOutput wrong = GeneratorHarness.Run(
            GeneratorHarness.CreateDriver([new InMemoryAdditionalText("/s/order.schema.json", OrderSchema)]),
            GeneratorHarness.CreateCompilation("""
                namespace Test.Contracts;
                public static class Wrong
                {
                    public static Payment Make() => new CardPayment { Kind = "bank_transfer", Last4 = "4242", Brand = CardPaymentBrand.Amex };
                }
                """));
        Assert.Equal(["CS0200"], wrong.Compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.Id));
    }

    [Theory]
    [InlineData("""{"shape": {"radius": 2}}""", "Circle ")]
    [InlineData("""{"shape": {"width": 2, "height": 3}, "any": {"radius": 1}}""", "Rectangle Circle")]
    [InlineData("""{"shape": {"radius": 2}, "any": {"label": "x"}}""", "Circle Blob")]
    [InlineData("""{"shape": {"radius": 2, "width": 1}}""", "invalid: /shape oneOf")]
    [InlineData("""{"shape": {"radius": -1}}""", "invalid: /shape oneOf")]
    [InlineData("""{"shape": {"radius": 2}, "any": {"radius": "big"}}""", "invalid: /any anyOf")]
    public void Without_a_discriminator_the_branch_the_json_matches_is_read(string json, string expected) =>
        Assert.Equal(expected, Call("Shapes", json));

    [Fact]
    public void A_value_built_in_code_is_checked_against_the_other_branches_only_for_oneOf() =>
        Assert.Equal("True", Call("AmbiguousInCode"));

    [Theory]
    [InlineData("""{"type": "customer.created", "id": "evt_1", "data": {"object": {"email": "a@b.c"}}}""", "created evt_1 a@b.c")]
    [InlineData("""{"reason": "gdpr", "id": "evt_2", "type": "customer.deleted"}""", "deleted evt_2 gdpr")]
    [InlineData("""{"type": "customer.created", "id": "evt_1", "data": {"object": {}}}""", "invalid: /data/object/email required")]
    [InlineData("""{"type": "customer.deleted", "id": "x_2", "reason": "gdpr"}""", "invalid: /id pattern")]
    [InlineData("""{"type": "customer.updated", "id": "evt_3"}""", "invalid:  oneOf")]
    public void An_allOf_derived_union_reads_each_alternative_with_the_base_members(string json, string expected) =>
        Assert.Equal(expected, Call("Events", json));

    [Fact]
    public void The_allOf_derived_records_hold_the_base_members_and_their_own()
    {
        Assert.Empty(Generated.Value.Output.GeneratorDiagnostics.Where(d => d.Location.GetLineSpan().Path == "/s/event.schema.json"));
        Assert.Equal(["Id", "Type", "Data"], DeclaredMembers(Contract("Created")));
        Assert.Equal(["Id", "Type", "Data", "Reason"], DeclaredMembers(Contract("Deleted")));
    }

    private static string[] DeclaredMembers(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => p.Name != "Variant").Select(p => p.Name).ToArray();

    private static string Order(string payment) =>
        $$"""{"id": "ord_12345678", "customer": {"id": "c1", "email": "ada@example.com"}, "lineItems": [{"sku": "tea", "quantity": 1, "unitPrice": 2}], "payment": {{payment}}}""";
}
