using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>Value equality of the records (arrays included) and that nothing can change a value after it is built.</summary>
public class EqualityAndImmutabilityTests
{
    public static TheoryData<string> ValidRequestFiles() => [.. Repository.Files("schema/examples", "request-*.json")];

    [Theory]
    [MemberData(nameof(ValidRequestFiles))]
    public void Two_parses_of_a_request_are_equal_with_equal_hash_codes(string path)
    {
        byte[] bytes = System.IO.File.ReadAllBytes(path);
        InsightsFlowRequest first = AssertErrors.Valid(InsightsFlowRequest.Parse(bytes));
        InsightsFlowRequest second = AssertErrors.Valid(InsightsFlowRequest.Parse(bytes));

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.True(first == second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.ToString(), second.ToString());
    }

    [Fact]
    public void Two_parses_of_a_response_are_equal_with_equal_hash_codes()
    {
        byte[] bytes = Repository.ReadBytes("schema", "examples", "response-finished.json");
        InsightsFlowResponse first = AssertErrors.Valid(InsightsFlowResponse.Parse(bytes));
        InsightsFlowResponse second = AssertErrors.Valid(InsightsFlowResponse.Parse(bytes));

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first, Build.Response(Build.Result()));
        Assert.Equal(first.GetHashCode(), Build.Response(Build.Result()).GetHashCode());
    }

    [Fact]
    public void Parsed_and_code_built_values_are_equal()
    {
        InsightsFlowRequest parsed = AssertErrors.Valid(InsightsFlowRequest.Parse(Repository.ReadBytes("schema", "examples", "request-given-accounts.json")));
        var built = new InsightsFlowRequest
        {
            IntendedReports = [IntendedReport.AccountDetails, IntendedReport.Income],
            FromDate = new DateOnly(2023, 12, 1),
            ToDate = new DateOnly(2024, 2, 29),
            Accounts = new RefreshFlowAccounts { Ids = [Build.Id1], Ibans = [Documents.Iban1] },
        };

        Assert.Equal(built, parsed);
        Assert.Equal(built.GetHashCode(), parsed.GetHashCode());
    }

    [Fact]
    public void With_changes_give_unequal_values_and_leave_the_original_alone()
    {
        InsightsFlowRequest original = AssertErrors.Valid(InsightsFlowRequest.Parse(Repository.ReadBytes("schema", "examples", "request-given-accounts.json")));
        string before = original.ToJson();

        InsightsFlowRequest[] changed =
        [
            original with { DataRetentionMinutes = 11 },
            original with { FromDate = original.FromDate.AddDays(1) },
            original with { ToDate = original.ToDate.AddDays(1) },
            original with { InsightsConsumerId = "c" },
            original with { IntendedReports = [IntendedReport.Income, IntendedReport.AccountDetails] }, // order matters
            original with { IntendedReports = [IntendedReport.AccountDetails, IntendedReport.Income, IntendedReport.Risk] },
            original with { Accounts = null },
            original with { Accounts = original.Accounts! with { Ibans = [Documents.Iban2] } },
            original with { Accounts = original.Accounts! with { Ids = [Build.Id2] } },
            original with { Accounts = original.Accounts! with { Ids = null } },
            original with { Accounts = original.Accounts! with { All = false } },
        ];

        foreach (InsightsFlowRequest value in changed)
        {
            Assert.NotEqual(original, value);
            Assert.False(original == value);
        }

        Assert.Equal(before, original.ToJson());
        Assert.Equal(original, original with { });
    }

    [Fact]
    public void Absent_and_empty_arrays_are_different_values()
    {
        // They are different JSON ("ids" missing vs "ids": []), so they must not compare equal.
        var absent = new RefreshFlowAccounts { All = true };
        var empty = new RefreshFlowAccounts { Ids = [], All = true };

        Assert.NotEqual(absent, empty);
        Assert.NotEqual(absent.ToJson(), empty.ToJson());
    }

    [Fact]
    public void Response_with_changes_are_unequal()
    {
        InsightsFlowResponse original = Build.Response(Build.Result());

        Assert.NotEqual(original, original with { Data = original.Data with { State = "RUNNING" } });
        Assert.NotEqual(original, original with { Data = original.Data with { Result = null } });
        Assert.NotEqual(original, original with { Data = original.Data with { Result = original.Data.Result! with { Type = FlowResultType.Error } } });
        Assert.NotEqual(original, Build.Response(Build.Result(Build.Account(Documents.Iban2))));
        Assert.NotEqual(original, Build.Response(Build.Result(Build.Account(), Build.Account())));
    }

    // ---- EquatableArray ----

    [Fact]
    public void EquatableArray_compares_by_items()
    {
        EquatableArray<string> a = ["x", "y"];
        EquatableArray<string> b = EquatableArray.From(new List<string> { "x", "y" });
        EquatableArray<string> reversed = ["y", "x"];
        EquatableArray<string> longer = ["x", "y", "z"];

        Assert.True(a.Equals(b));
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());

        Assert.False(a == reversed);
        Assert.True(a != reversed);
        Assert.False(a.Equals(longer));
        Assert.False(a.Equals((object)"x"));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void EquatableArray_default_is_the_empty_array()
    {
        EquatableArray<int> none = default;
        EquatableArray<int> empty = [];

        Assert.True(none == empty);
        Assert.Equal(none.GetHashCode(), empty.GetHashCode());
        Assert.True(none.Count == 0, "default should have Count 0");
        Assert.True(none.IsEmpty);
        Assert.Empty(none);
        Assert.Equal("[]", none.ToString());
        Assert.Equal("[]", empty.ToString());
        Assert.Throws<IndexOutOfRangeException>(() => none[0]);
    }

    [Fact]
    public void EquatableArray_ToString_lists_the_items()
    {
        EquatableArray<int> numbers = [1, 2, 3];
        EquatableArray<IntendedReport> reports = [IntendedReport.Income, new IntendedReport("x")];

        Assert.Equal("[1, 2, 3]", numbers.ToString());
        Assert.Equal("[income, x]", reports.ToString());
        InsightsFlowRequest request = Build.Request() with { IntendedReports = reports };
        Assert.Contains("IntendedReports = [income, x]", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EquatableArray_indexes_counts_and_enumerates_in_order()
    {
        EquatableArray<string> items = ["a", "b", "c"];

        Assert.Equal(3, items.Count);
        Assert.False(items.IsEmpty);
        Assert.Equal("b", items[1]);
        Assert.Equal(["a", "b", "c"], items.ToArray());
        var seen = new List<string>();
        foreach (string item in items)
        {
            seen.Add(item);
        }

        Assert.Equal(["a", "b", "c"], seen);
        Assert.Equal("abc", string.Concat(items.AsSpan().ToArray()));
    }

    [Fact]
    public void EquatableArray_copies_its_source_so_later_changes_do_not_leak_in()
    {
        string[] source = ["a", "b"];
        EquatableArray<string> created = EquatableArray.Create<string>(source);
        var list = new List<string>(source);
        EquatableArray<string> fromList = EquatableArray.From(list);

        source[0] = "changed";
        list[1] = "changed";
        list.Add("more");

        Assert.Equal(["a", "b"], created.ToArray());
        Assert.Equal(["a", "b"], fromList.ToArray());
    }

    [Fact]
    public void EquatableArray_FindDuplicate_reports_the_first_pair()
    {
        Assert.Null(EquatableArray.FindDuplicate<int>([1, 2, 3]));
        Assert.Null(EquatableArray.FindDuplicate<int>([]));
        Assert.Equal((1, 3), EquatableArray.FindDuplicate<int>([1, 2, 3, 2, 3]));
    }

    // ---- immutability ----

    public static TheoryData<Type> ContractRecords() =>
    [
        typeof(InsightsFlowRequest),
        typeof(RefreshFlowAccounts),
        typeof(InsightsFlowResponse),
        typeof(FlowData),
        typeof(FlowResult),
        typeof(RefreshFlowResponseAccount),
    ];

    [Theory]
    [MemberData(nameof(ContractRecords))]
    public void Every_public_property_of_a_contract_is_get_or_init_only(Type type)
    {
        Assert.True(type.IsSealed, $"{type.Name} should be sealed");
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            MethodInfo? setter = property.GetSetMethod(nonPublic: true);
            if (setter is null)
            {
                continue;
            }

            bool initOnly = setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
            Assert.True(initOnly, $"{type.Name}.{property.Name} has a setter that is not init-only");
        }
    }

    [Theory]
    [MemberData(nameof(ContractRecords))]
    public void Array_members_are_EquatableArray_not_mutable_collections(Type type)
    {
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Type propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            Assert.False(propertyType.IsArray, $"{type.Name}.{property.Name} is a mutable array");
            Assert.False(
                propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(List<>),
                $"{type.Name}.{property.Name} is a mutable list");
        }
    }
}
