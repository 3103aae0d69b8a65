using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Fabric.Cli.Api;
using Fabric.Cli.Output;
using Fabric.Contracts.Images;
using Fabric.Contracts.Validation;

namespace Fabric.Cli.Images;

/// <summary><c>fabric image add|list|delete</c>: the image library of ISOs and importable disk images.</summary>
internal static class ImageCommand
{
    public static Command Create(CliContext context)
    {
        var api = new ApiOptions();
        var image = new Command("image", "The image library: installation ISOs and disk images to import");
        api.AddTo(image);
        image.Subcommands.Add(CreateAdd(context, api));
        image.Subcommands.Add(CreateList(context, api));
        image.Subcommands.Add(CreateDelete(context, api));
        return image;
    }

    private static Command CreateAdd(CliContext context, ApiOptions api)
    {
        var path = new Argument<string>("PATH") { Description = "Local ISO or disk image (qcow2, raw/img, vhd, vhdx)" };
        var name = new Option<string?>("--name") { Description = "Name in the library (default: the file name, lowercased)", HelpName = "NAME" };
        var kind = new Option<string?>("--kind") { Description = "iso or disk (default: iso for .iso files)", HelpName = "KIND" };
        kind.AcceptOnlyFromAmong("iso", "disk");
        var json = JsonOutput.Option();
        var add = new Command("add", "Upload a file into the image library") { path, name, kind, json };
        add.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var file = parseResult.GetRequiredValue(path);
            var imageName = parseResult.GetValue(name) ?? ImageUpload.DefaultName(file);
            var asJson = parseResult.GetValue(json);
            var body = await ImageUpload.UploadAsync(context, client, file, imageName, parseResult.GetValue(kind) ?? ImageUpload.DefaultKind(file), asJson, cancellationToken);
            if (asJson)
            {
                return await JsonOutput.WriteAsync(context, body);
            }

            var info = JsonSerializer.Deserialize<ImageInfo>(body, FabricJson.Options) ?? throw new JsonException("the image is null");
            await context.Stdout.WriteLineAsync($"image {info.Name} added: {info.Kind}, {info.Format}, {Sizes.Describe(info.SizeBytes)} in pool {info.Pool}");
            return ExitCodes.Ok;
        }));
        return add;
    }

    private static Command CreateList(CliContext context, ApiOptions api)
    {
        var json = JsonOutput.Option();
        var list = new Command("list", "List images") { json };
        list.Aliases.Add("ls");
        list.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var body = await client.GetAsync("api/v1/images", cancellationToken);
            if (parseResult.GetValue(json))
            {
                return await JsonOutput.WriteAsync(context, body);
            }

            var images = JsonSerializer.Deserialize<List<ImageInfo>>(body, FabricJson.Options) ?? [];
            if (images.Count == 0)
            {
                await context.Stdout.WriteLineAsync("No images. Add one with `fabric image add PATH`.");
                return ExitCodes.Ok;
            }

            var table = new TextTable("NAME", "KIND", "FORMAT", "SIZE", "POOL", "USED BY");
            foreach (var i in images.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                table.AddRow(i.Name, i.Kind.ToString().ToLower(CultureInfo.InvariantCulture), i.Format, Sizes.Describe(i.SizeBytes), i.Pool, i.UsedBy.Count == 0 ? "-" : string.Join(",", i.UsedBy));
            }

            table.WriteTo(context.Stdout);
            return ExitCodes.Ok;
        }));
        return list;
    }

    private static Command CreateDelete(CliContext context, ApiOptions api)
    {
        var name = new Argument<string>("NAME") { Description = "Image name, as in `fabric image list`" };
        var delete = new Command("delete", "Delete an image no VM uses (entry and file)") { name };
        delete.Aliases.Add("rm");
        delete.SetAction((parseResult, cancellationToken) => api.RunAsync(context, parseResult, async client =>
        {
            var imageName = parseResult.GetRequiredValue(name);
            await client.SendJsonAsync(HttpMethod.Delete, $"api/v1/images/{Uri.EscapeDataString(imageName)}", null, cancellationToken);
            await context.Stdout.WriteLineAsync($"image {imageName} deleted");
            return ExitCodes.Ok;
        }));
        return delete;
    }
}
