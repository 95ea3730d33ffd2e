using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

if (args is ["classifier", .. var rest])
{
    return GridCare.Benchmarks.ClassifierBench.Run(rest);
}

if (args is ["knowledge-search", .. var knowledgeArgs])
{
    return GridCare.Benchmarks.KnowledgeSearchBench.Run(knowledgeArgs);
}

// In-process: the benchmarks reuse the app's services and a seeded database, and central package management
// with lock files would make the generated per-benchmark project restore differently from the product.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(GridCare.Benchmarks.CustomerSearchBenchmarks).Assembly).Run(args, config);
return 0;
