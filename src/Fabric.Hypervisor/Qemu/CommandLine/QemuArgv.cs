namespace Fabric.Hypervisor.Qemu.CommandLine;

/// <summary>An argv array under construction: each option and value its own element, never a shell string.</summary>
internal sealed class QemuArgv
{
    private readonly List<string> _items = [];

    public void Add(string option) => _items.Add(option);

    public void Add(string option, string value)
    {
        _items.Add(option);
        _items.Add(value);
    }

    public IReadOnlyList<string> ToList() => _items.AsReadOnly();
}
