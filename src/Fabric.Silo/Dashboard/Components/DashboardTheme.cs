using MudBlazor;

namespace Fabric.Silo.Dashboard.Components;

/// <summary>The dashboard's MudBlazor theme: MudBlazor's defaults with a calmer primary colour.</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1e5aa8", AppbarBackground = "#1e3a5f" },
    };
}
