using Fabric.Contracts.Configuration;
using Fabric.Grains.Placement;

namespace Fabric.Silo.Configuration;

/// <summary>Reads <c>Fabric:Placement</c> before anything starts, so a bad value stops the silo with one line naming it.</summary>
public static class PlacementSettings
{
    public static PlacementOptions Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new PlacementOptions();
        try
        {
            configuration.GetSection(PlacementOptions.Section).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidSettingException(PlacementOptions.Section, ex.Message.TrimEnd('.'), "Give a number for the ratios and reserve, and Spread or Pack for Strategy");
        }

        var check = new PlacementOptionsValidator().Validate(null, options);
        return check.Failed
            ? throw new InvalidSettingException(PlacementOptions.Section, string.Join("; ", check.Failures), "Correct it, or leave it unset for the default")
            : options;
    }
}
