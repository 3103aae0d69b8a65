namespace Fabric.Silo.Dashboard.Consoles;

/// <summary>Which console of a VM a browser opens.</summary>
public enum ConsoleKind
{
    /// <summary>COM1 as a byte stream (xterm.js in the browser).</summary>
    Serial,

    /// <summary>The graphical console as an RFB (VNC) byte stream (noVNC in the browser).</summary>
    Vnc,
}
