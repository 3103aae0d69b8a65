using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;
using Fabric.Contracts.Operations;
using Fabric.Contracts.Validation;
using Fabric.Contracts.Vms;

namespace Fabric.Grains.Vms;

/// <summary>The creation wizard's back end: validate everything, then create disks, claim MACs and attach, undoing all on failure.</summary>
public sealed partial class VmGrain
{
    /// <summary>How many derived MACs a NIC tries before the creation gives up (each collides with odds of VMs / 16.7 million).</summary>
    private const int MacAttempts = 8;

    public async Task<VmInfo> Create(CreateVmRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = request with { Name = string.IsNullOrEmpty(request.Name) ? Name : request.Name };
        var problems = new ProblemCollector();
        problems.AddRange(CreateVmRequestValidator.Validate(request));
        problems.Check("name", request.Name != Name ? $"the request names VM '{request.Name}' but was sent to VM '{Name}'" : null);
        if (state.RecordExists)
        {
            throw FabricException.Conflict("name", $"a VM named '{Name}' already exists; pick another name");
        }

        problems.AddRange(await CheckReferencesAsync(request));
        problems.ThrowIfAny();

        var undo = new Undo();
        try
        {
            var nics = await ClaimNicsAsync(request.Nics, undo);
            var disks = await CreateDisksAsync(request.Disks, undo);
            if (request.Iso is { } iso)
            {
                await GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Use(iso, Name);
                undo.Add(() => GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key).Release(iso, Name));
            }

            state.State = new VmRecord
            {
                Hardware = new VmHardware
                {
                    VCpus = request.VCpus,
                    MemoryMiB = request.MemoryMiB,
                    Profile = request.Profile,
                    Disks = disks,
                    Nics = nics,
                    Iso = request.Iso,
                    BootOrder = request.BootOrder.Count > 0 ? request.BootOrder : request.Iso is null ? ["disk"] : ["cdrom", "disk"],
                    SerialPorts = request.SerialPorts,
                    ScsiControllers = disks.Any(d => d.Bus == DiskBus.Scsi) ? 1 : 0,
                },
                HaRestart = request.HaRestart,
                Restart = RestartRules.Effective(request),
                RestartPriority = request.RestartPriority,
                CreatedAt = time.GetUtcNow(),
            };
            AddEvent($"created: {request.VCpus} vCPU, {request.MemoryMiB} MiB, {disks.Count} disk(s), {nics.Count} NIC(s){(request.Iso is null ? "" : $", ISO {request.Iso}")}");
            await state.WriteStateAsync();
            _published = Summarize(null);
            await Index.Add(_published);
        }
        catch
        {
            await undo.RunAsync();
            if (state.RecordExists)
            {
                await state.ClearStateAsync();
            }

            state.State = new VmRecord();
            _published = null;
            throw;
        }

        LogCreated(logger, Name, request.VCpus, request.MemoryMiB, request.Disks.Count);
        OperationInfo? started = null;
        if (request.Start)
        {
            try
            {
                started = await Power(PowerAction.Start, null);
            }
            catch (FabricException ex)
            {
                throw new FabricException(ex.Kind, [new ValidationProblem("start",
                    $"VM '{Name}' was created but not started: {ex.Message}; start it with 'fabric vm start {Name}' once a host can take it")]);
            }
        }

        return Describe(null) with { Operation = started };
    }

    /// <summary>Everything the request names must exist and be free: all problems at once.</summary>
    private async Task<List<ValidationProblem>> CheckReferencesAsync(CreateVmRequest request)
    {
        var problems = new List<ValidationProblem>();
        var library = GrainFactory.GetGrain<IImageLibraryGrain>(IImageLibraryGrain.Key);
        if (request.Iso is { } iso && ResourceNames.ValidateImageName(iso) is null)
        {
            var image = await library.Get(iso);
            if (image?.Kind != ImageKind.Iso)
            {
                problems.Add(new ValidationProblem("iso", image is null ? $"no image named '{iso}'; add it with 'fabric image add PATH'" : $"image '{iso}' is a disk image, not an ISO"));
            }
        }

        // Null lists and items are the validator's problems (it has named them); skip them here.
        var disks = request.Disks ?? [];
        for (var i = 0; i < disks.Count; i++)
        {
            var disk = disks[i];
            if (disk?.Existing is { } existing && ResourceNames.ValidateLabel(existing, "disk") is null)
            {
                var info = await GrainFactory.GetGrain<IDiskGrain>(existing).Get();
                var problem = info is null ? $"no disk named '{existing}'" : info.AttachedTo is { } owner ? $"disk '{existing}' is attached to VM '{owner}'" : null;
                if (problem is not null)
                {
                    problems.Add(new ValidationProblem($"disks[{i}].existing", problem));
                }
            }

            if (disk?.Import is { } import && ResourceNames.ValidateImageName(import) is null && (await library.Get(import))?.Kind != ImageKind.Disk)
            {
                problems.Add(new ValidationProblem($"disks[{i}].import", $"no disk image named '{import}' in the image library"));
            }
        }

        return problems;
    }

    private async Task<IReadOnlyList<VmNic>> ClaimNicsAsync(IReadOnlyList<CreateVmNic> requested, Undo undo)
    {
        var nics = new List<VmNic>();
        for (var i = 0; i < requested.Count; i++)
        {
            nics.Add(await ClaimNicAsync($"net{i}", requested[i], $"nics[{i}].mac", undo));
        }

        return nics;
    }

    /// <summary>
    /// Claims the NIC's MAC: the one given, or one derived from the VM and NIC names (another
    /// derivation when that is taken). Each address is its own grain, so no claim waits on another VM's.
    /// </summary>
    private async Task<VmNic> ClaimNicAsync(string id, CreateVmNic nic, string field, Undo undo)
    {
        for (var attempt = 0; attempt < MacAttempts; attempt++)
        {
            var mac = MacAddresses.Normalize(nic.Mac ?? MacAddresses.Derive(Name, id, attempt));
            var address = GrainFactory.GetGrain<IMacAddressGrain>(mac);
            if (await address.Claim(Name))
            {
                undo.Add(() => address.Release(Name));
                return new VmNic(id, nic.Network, nic.Model, mac);
            }

            if (nic.Mac is not null)
            {
                throw FabricException.Conflict(field, $"MAC address {mac} already belongs to VM '{await address.Holder()}'; leave the MAC out to get a free one");
            }
        }

        throw FabricException.Conflict(field, $"no free MAC address found for NIC {id} of VM '{Name}' after {MacAttempts} tries; give one explicitly");
    }

    /// <summary>Frees the MACs of <paramref name="nics"/> not in <paramref name="keep"/>.</summary>
    private async Task ReleaseMacsAsync(IEnumerable<VmNic> nics, IReadOnlyCollection<string> keep)
    {
        foreach (var nic in nics.Where(n => !keep.Contains(n.Mac)))
        {
            await GrainFactory.GetGrain<IMacAddressGrain>(nic.Mac).Release(Name);
        }
    }

    private async Task<IReadOnlyList<VmDiskAttachment>> CreateDisksAsync(IReadOnlyList<CreateVmDisk> requested, Undo undo)
    {
        var attachments = new List<VmDiskAttachment>();
        for (var i = 0; i < requested.Count; i++)
        {
            var disk = requested[i];
            var name = disk.Existing ?? $"{Name}-disk{i}";
            var grain = GrainFactory.GetGrain<IDiskGrain>(name);
            if (disk.Existing is null)
            {
                await grain.Create(new CreateDiskRequest { Name = name, SizeBytes = disk.SizeBytes, Format = disk.Format, Pool = disk.Pool, FromImage = disk.Import });
                undo.Add(grain.Delete);
            }

            await grain.Attach(Name);
            undo.Add(() => grain.Detach(Name));
            attachments.Add(new VmDiskAttachment(name, disk.Bus));
        }

        return attachments;
    }
}
