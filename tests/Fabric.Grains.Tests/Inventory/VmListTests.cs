using Fabric.Contracts.Inventory;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;
using Fabric.Grains.Tests.Vms;
using Fabric.Testing.Orleans;

namespace Fabric.Grains.Tests.Inventory;

[Collection(VmClusterCollection.Name)]
public sealed class VmListTests(GrainClusterFixture fixture)
{
    private readonly VmTestContext _ctx = new(fixture);

    private IVmListGrain List => _ctx.Grains.GetGrain<IVmListGrain>(0);

    [Fact]
    public async Task List_PagesThroughEveryShard_InNameOrderWithoutGapsOrRepeats()
    {
        var names = Enumerable.Range(0, 40).Select(i => $"page-{i:D2}").ToList();
        foreach (var name in names)
        {
            await _ctx.CreateAsync(new CreateVmRequest { Name = name });
        }

        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await List.List(next, 7);
            Assert.InRange(page.Items.Count, 1, 7);
            seen.AddRange(page.Items.Select(v => v.Name));
            next = page.Continue;
            pages++;
        }
        while (next is not null);

        var ours = seen.Where(n => n.StartsWith("page-", StringComparison.Ordinal)).ToList();
        Assert.Equal(names, ours);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Distinct(StringComparer.Ordinal).Count(), seen.Count);
        Assert.True(pages >= 6, $"40 VMs at 7 a page take at least 6 pages, got {pages}");
    }

    [Fact]
    public async Task List_SummaryFollowsTheVm_StateChangesAndDeletion()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "summary-1" });
        var start = await _ctx.Vm("summary-1").Power(PowerAction.Start, null);
        await _ctx.FinishAsync(start);

        var running = await WaitForAsync("summary-1", v => v?.Observed == VmStatus.Running);
        Assert.Equal(_ctx.Agent.HostName, running!.Host);
        Assert.Empty(running.Events);

        await _ctx.FinishAsync(await _ctx.Vm("summary-1").Power(PowerAction.Stop, null));
        await WaitForAsync("summary-1", v => v?.Observed == VmStatus.Stopped);
        await _ctx.Vm("summary-1").Delete(deleteDisks: true);

        Assert.Null(await WaitForAsync("summary-1", v => v is null));
    }

    [Fact]
    public async Task List_VmOnAHostThatWentUnreachable_IsUnknown()
    {
        await _ctx.CreateAsync(new CreateVmRequest { Name = "unknown-1", Start = true });
        await WaitForAsync("unknown-1", v => v?.Observed == VmStatus.Running);

        fixture.Time.Advance(TimeSpan.FromSeconds(11));

        var listed = await WaitForAsync("unknown-1", v => v?.Observed == VmStatus.Unknown, heartbeat: false);
        Assert.Contains("unreachable", listed!.ObservedDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null, "limit")]
    [InlineData(1001, null, "limit")]
    [InlineData(10, "Not A Name", "continue")]
    public async Task List_BadLimitOrToken_IsInvalidNamingTheField(int limit, string? token, string field)
    {
        var ex = await Assert.ThrowsAsync<FabricException>(() => List.List(token, limit));

        Assert.Equal(field, Assert.Single(ex.Problems).Field);
    }

    /// <summary>Summaries reach the index one-way: wait for the listed VM to satisfy the condition, with a deadline.</summary>
    private async Task<VmInfo?> WaitForAsync(string name, Func<VmInfo?, bool> condition, bool heartbeat = true)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var listed = (await List.List(null, ListLimits.MaxLimit)).Items.SingleOrDefault(v => v.Name == name);
            if (condition(listed))
            {
                return listed;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"VM {name} listed as {listed?.Observed.ToString() ?? "absent"} after 30 s");
            if (heartbeat)
            {
                await _ctx.Agent.BeatAsync();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
