using System.CommandLine;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Cli.Images;
using Fabric.Cli.Output;
using Fabric.Contracts.Disks;
using Fabric.Contracts.Images;

namespace Fabric.Cli.Disks;

/// <summary><c>fabric disk import PATH [--name NAME]</c>: upload a disk image (e.g. a Hyper-V VHDX) and create a disk from it.</summary>
internal static class DiskImportCommand
{
    public static Command Create(CliContext context, ApiOptions api)
    {
        var path = new Argument<string>("PATH") { Description = "Local disk image: qcow2, raw/img, vhd or vhdx" };
        var name = new Option<string?>("--name") { Description = "Disk name (default: the file name without extension, lowercased)", HelpName = "NAME" };
        var json = JsonOutput.Option();
        var import = new Command("import", "Upload a disk image and create a disk from it") { path, name, json };
        import.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var file = parseResult.GetRequiredValue(path);
            var diskName = parseResult.GetValue(name) ?? Path.GetFileNameWithoutExtension(file).ToLowerInvariant();
            var asJson = parseResult.GetValue(json);
            var uploaded = await ImageUpload.UploadAsync(context, client, file, ImageUpload.DefaultName(file), "disk", asJson, cancellationToken);
            var image = JsonSerializer.Deserialize<ImageInfo>(uploaded, FabricJson.Options) ?? throw new JsonException("the image is null");
            try
            {
                var response = await client.SendJsonAsync(HttpMethod.Post, "api/v1/disks", new CreateDiskRequest { Name = diskName, FromImage = image.Name }, cancellationToken);
                return await DiskCommand.PrintAsync(context, response.Body, asJson, $"imported from {image.Name}");
            }
            catch (FabricApiException e)
            {
                throw new FabricApiException($"{e.Message}{Environment.NewLine}the upload stays in the image library as '{image.Name}': retry with `fabric disk create {diskName} --from-image {image.Name}`, or `fabric image delete {image.Name}`", e, e.Status);
            }
        }));
        return import;
    }
}
