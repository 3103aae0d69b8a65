using System.Reflection;

namespace Fabric.Testing.Processes;

/// <summary>Finds the repository root and the built Fabric executables of the same build configuration as the tests.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BuildConfiguration").Value!;

    public static string SiloDll => Built("Fabric.Silo", "fabric-silo.dll");

    public static string AgentDll => Built("Fabric.HostAgent", "fabric-agent.dll");

    public static string CliDll => Built("Fabric.Cli", "fabric.dll");

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{dll} is not built at {path}; run 'dotnet build Fabric.sln -c {Configuration}' first.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fabric.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Fabric.sln above {AppContext.BaseDirectory}.");
    }
}
