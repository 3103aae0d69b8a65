namespace Fabric.Contracts.Images;

/// <summary>What an image-library entry is.</summary>
public enum ImageKind
{
    /// <summary>An installation ISO for a CD-ROM drive.</summary>
    Iso,

    /// <summary>A disk image to import (qcow2, raw, VHD, VHDX).</summary>
    Disk,
}
