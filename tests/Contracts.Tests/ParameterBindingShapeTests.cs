using System;
using System.Linq;
using System.Reflection;
using Insights.Contracts.Runtime;
using Xunit;

namespace Insights.Contracts.Tests;

/// <summary>
/// ASP.NET Core looks for public static methods named <c>TryParse</c> and <c>BindAsync</c> on every
/// handler parameter type, and throws (for every route of the app) when it finds one whose shape it
/// does not know. A contract must have neither, so that it binds from the request body.
/// </summary>
public class ParameterBindingShapeTests
{
    private static Type[] Contracts() =>
        typeof(InsightsFlowRequest).Assembly.GetExportedTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IJsonContract<>)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

    public static TheoryData<Type> ContractTypes() => [.. Contracts()];

    [Fact]
    public void Every_contract_of_the_library_is_checked()
    {
        Assert.Contains(typeof(InsightsFlowRequest), Contracts());
        Assert.Contains(typeof(InsightsFlowResponse), Contracts());
    }

    [Theory]
    [MemberData(nameof(ContractTypes))]
    public void A_contract_has_no_static_TryParse_or_BindAsync(Type contract)
    {
        string[] names = contract.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)
            .Select(m => m.Name)
            .Where(name => name is "TryParse" or "BindAsync")
            .ToArray();

        Assert.Empty(names);
    }
}
