using System;
using System.Linq;
using BenchmarkDotNet.Running;
using Insights.Contracts.Benchmarks;

if (args.Contains("--regenerate-njsonschema"))
{
    await NJsonSchemaPeer.RegenerateAsync();
    return 0;
}

// Before measuring anything: every competitor must really read the same data, or a benchmark
// could be timing a no-op.
SanityChecks.Run();
BenchmarkSwitcher.FromAssembly(typeof(Payloads).Assembly).Run(args);
return 0;
