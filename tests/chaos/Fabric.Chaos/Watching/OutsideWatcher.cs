namespace Fabric.Chaos.Watching;

/// <summary>
/// Watches the cluster's VMs from outside, through the process table only, every 100 ms: for each VM
/// the set of live QEMU processes and their hosts (QEMU processes of no host of the cluster are ignored). Any sample in which one VM has two live QEMU
/// processes is a double run (a stopped process counts: it resumes where it was). One exception, for a
/// process QEMU makes itself: <c>-daemonize</c> keeps the launching process alive beside the daemon it
/// forked until the daemon is ready, so two processes of one VM on the same host are a double run only
/// when they coexist longer than <see cref="DaemonizeGrace"/>. On two hosts, they are one at once.
/// </summary>
public sealed class OutsideWatcher(IProcessTable table, HostResolver hosts, TimeProvider time)
{
    /// <summary>The sampling period: the resolution of every time the watcher reports.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

    /// <summary>How long QEMU's launching process may outlive the fork of its daemon on the same host.</summary>
    public static readonly TimeSpan DaemonizeGrace = TimeSpan.FromSeconds(3);

    private readonly object _lock = new();
    private readonly Dictionary<(int Pid, long StartTime), VmSighting> _sightings = [];
    private readonly Dictionary<string, DateTimeOffset> _sameHostSince = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly List<DoubleRun> _doubleRuns = [];
    private Dictionary<string, List<VmSighting>> _live = new(StringComparer.Ordinal);

    public HostResolver Hosts => hosts;

    /// <summary>Every double run seen since the watcher started.</summary>
    public IReadOnlyList<DoubleRun> DoubleRuns
    {
        get
        {
            lock (_lock)
            {
                return [.. _doubleRuns];
            }
        }
    }

    /// <summary>Samples until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        try
        {
            do
            {
                Sample();
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by its owner.
        }
    }

    /// <summary>Takes one sample of the process table now.</summary>
    public void Sample()
    {
        var now = time.GetUtcNow();
        var live = new Dictionary<string, List<VmSighting>>(StringComparer.Ordinal);
        foreach (var process in table.Snapshot())
        {
            // A QEMU whose files are under no host of this cluster is another cluster's (another test's): not ours to judge.
            if (!process.IsLive || QemuProcess.From(process) is not { } qemu || hosts.HostOf(qemu) is HostResolver.Unknown)
            {
                continue;
            }

            var key = (process.Pid, process.StartTime);
            lock (_lock)
            {
                var sighting = _sightings.TryGetValue(key, out var seen)
                    ? seen with { LastSeen = now, State = process.State }
                    : new VmSighting(qemu.VmName, hosts.HostOf(qemu), process.Pid, process.StartTime, now, now, process.State, qemu.GuestAgentSocket, qemu.QmpSocket);
                _sightings[key] = sighting;
                if (!live.TryGetValue(qemu.VmName, out var list))
                {
                    live[qemu.VmName] = list = [];
                }

                list.Add(sighting);
            }
        }

        lock (_lock)
        {
            _live = live;
            foreach (var (vm, processes) in live)
            {
                CheckOneProcess(vm, processes, now);
            }

            foreach (var vm in _sameHostSince.Keys.Where(vm => !live.TryGetValue(vm, out var l) || l.Count < 2).ToList())
            {
                _sameHostSince.Remove(vm);
            }
        }
    }

    /// <summary>The live QEMU processes of a VM in the last sample.</summary>
    public IReadOnlyList<VmSighting> LiveProcesses(string vmName)
    {
        lock (_lock)
        {
            return _live.TryGetValue(vmName, out var list) ? [.. list] : [];
        }
    }

    /// <summary>Every VM with a live QEMU in the last sample, each with its processes.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<VmSighting>> LiveVms()
    {
        lock (_lock)
        {
            return _live.ToDictionary(p => p.Key, p => (IReadOnlyList<VmSighting>)[.. p.Value], StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// The first live QEMU of <paramref name="vmName"/> seen after <paramref name="since"/> on a host other
    /// than <paramref name="formerHost"/>: where and when the VM came back after its host failed.
    /// </summary>
    public VmSighting? FirstElsewhere(string vmName, string formerHost, DateTimeOffset since)
    {
        lock (_lock)
        {
            return _sightings.Values
                .Where(s => s.VmName == vmName && s.Host != formerHost && s.FirstSeen >= since)
                .MinBy(s => s.FirstSeen);
        }
    }

    private void CheckOneProcess(string vm, List<VmSighting> processes, DateTimeOffset now)
    {
        if (processes.Count < 2)
        {
            return;
        }

        var onOneHost = processes.Select(p => p.Host).Distinct(StringComparer.Ordinal).Count() == 1;
        if (onOneHost)
        {
            if (!_sameHostSince.TryGetValue(vm, out var since))
            {
                _sameHostSince[vm] = now;
                return;
            }

            if (now - since <= DaemonizeGrace)
            {
                return;
            }
        }

        // One record per distinct set of processes, not one per sample.
        var ordered = processes.OrderBy(p => p.Pid).ToList();
        if (_reported.Add(vm + "|" + string.Join(",", ordered.Select(p => $"{p.Pid}/{p.StartTime}"))))
        {
            _doubleRuns.Add(new DoubleRun(vm, now, [.. ordered.Select(p => $"{p.Pid}@{p.Host} ({p.State})")]));
        }
    }
}
