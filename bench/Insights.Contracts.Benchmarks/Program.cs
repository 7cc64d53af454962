using System;
using System.Linq;
using BenchmarkDotNet.Running;
using Insights.Contracts.Benchmarks;
using Insights.Contracts.Testing;

if (args.Contains("--regenerate-njsonschema"))
{
    await NJsonSchemaPeer.RegenerateAsync();
    return 0;
}

// The reference of bench/generated-size.sh: NJsonSchema's DTO classes for a schema, written in the same run.
if (args is ["--write-njsonschema-dtos", string schemaPath, string outputPath, string ns])
{
    await NJsonSchemaPeer.WriteDtosAsync(schemaPath, outputPath, ns);
    return 0;
}

// The schema LargeEnumBenchmarks measures, as a file, to time it in a real `dotnet build` too.
if (args is ["--write-large-enum-schema", string path, string values, string shape])
{
    int count = int.Parse(values, System.Globalization.CultureInfo.InvariantCulture);
    System.IO.File.WriteAllText(path, shape == "open" ? LargeEnumSchema.Open(count) : LargeEnumSchema.Closed(count));
    return 0;
}

// Before measuring anything: every competitor must really read the same data, or a benchmark
// could be timing a no-op.
SanityChecks.Run();
BenchmarkSwitcher.FromAssembly(typeof(Payloads).Assembly).Run(args);
return 0;
