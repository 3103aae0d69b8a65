using System.Diagnostics;

namespace Fabric.Silo.Tests.Api;

/// <summary>
/// A small tmpfs mounted on a folder, so a filesystem can be filled with megabytes. Mounting needs
/// root; when it fails, <see cref="Problem"/> says why and the folder stays an ordinary one.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string folder, string? problem)
    {
        Folder = folder;
        Problem = problem;
    }

    public string Folder { get; }

    /// <summary>Why the tmpfs could not be mounted, or null when it is.</summary>
    public string? Problem { get; }

    public static TmpfsMount Create(string folder, long sizeBytes)
    {
        Directory.CreateDirectory(folder);
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={sizeBytes}", "fabric-test-tmpfs", folder);
        return new TmpfsMount(folder, code == 0 ? null : $"mount -t tmpfs on {folder} failed ({output.Trim()}); these tests mount a small tmpfs and need root");
    }

    public void Dispose()
    {
        if (Problem is null)
        {
            Run("umount", Folder);
        }
    }

    private static (int Code, string Output) Run(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
