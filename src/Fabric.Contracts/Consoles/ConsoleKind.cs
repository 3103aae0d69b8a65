namespace Fabric.Contracts.Consoles;

/// <summary>Which console of a VM to open.</summary>
public enum ConsoleKind
{
    /// <summary>COM1, two-way text (xterm.js in the dashboard).</summary>
    Serial,

    /// <summary>The graphical screen over VNC (noVNC in the dashboard).</summary>
    Vnc,
}
