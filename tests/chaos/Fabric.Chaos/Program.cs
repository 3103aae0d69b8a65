return await Fabric.Chaos.Bench.FailoverBench.RunAsync(args);
