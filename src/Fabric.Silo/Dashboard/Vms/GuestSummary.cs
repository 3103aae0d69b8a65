using Fabric.Contracts.Vms;

namespace Fabric.Silo.Dashboard.Vms;

/// <summary>The guest agent's report in one line; a guest without an os-release version leaves no stray space or comma.</summary>
public static class GuestSummary
{
    public static string Of(GuestInfo? guest)
    {
        if (guest is null)
        {
            return "no guest agent report";
        }

        var os = string.Join(' ', new[] { guest.OsName, guest.OsVersion }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return string.IsNullOrEmpty(guest.KernelRelease) ? os : $"{os}, kernel {guest.KernelRelease}";
    }
}
