using Fabric.Cli;

// SIGINT/SIGTERM cancel this token instead of killing the process, so `fabric up` can stop its
// children in order and flush Redis; other commands just abandon their request.
using var shutdown = new ShutdownSignals();
return await CliApp.RunAsync(args, CliContext.ForProcess(), shutdown.Token);
