using Fabric.Contracts.Vms;
using Fabric.Silo.Dashboard.Vms.Wizard;

namespace Fabric.Dashboard.Tests.Vms;

public sealed class VmWizardModelTests
{
    [Fact]
    public void ProblemsForStep_InvalidName_BelongsToTheNameStepOnly()
    {
        var model = new VmWizardModel { Name = "Bad_Name" };
        Assert.Contains(model.ProblemsForStep(VmWizardModel.NameStep), p => p.Field == "name" && p.Message.Contains("not a DNS label", StringComparison.Ordinal));
        Assert.Empty(model.ProblemsForStep(VmWizardModel.HardwareStep));
    }

    [Fact]
    public void ToRequest_RestartPolicyAndPriority_AreAskedOnTheFirstStep()
    {
        var model = new VmWizardModel { Name = "web1", Restart = RestartPolicy.Always, RestartPriority = 2000 };
        var (request, _) = model.ToRequest();
        Assert.Equal((RestartPolicy.Always, 2000), (request.Restart, request.RestartPriority));
        Assert.Contains(model.ProblemsForStep(VmWizardModel.NameStep), p => p.Field == "restartPriority" && p.Message.Contains("0 to 1000", StringComparison.Ordinal));
    }

    [Fact]
    public void ProblemsForStep_SizeThatIsNotASize_IsADisksStepProblem()
    {
        var model = new VmWizardModel { Name = "web1" };
        model.Disks[0].Size = "lots";
        var problem = Assert.Single(model.ProblemsForStep(VmWizardModel.DisksStep));
        Assert.Equal("disks[0].sizeBytes", problem.Field);
        Assert.Contains("'lots' is not a size", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRequest_DefaultAnswers_GiveAValidRequestWithOneNewDisk()
    {
        var model = new VmWizardModel { Name = "web1", VCpus = 2, MemoryMiB = 2048, Iso = "debian.iso" };
        var (request, sizeProblems) = model.ToRequest();
        Assert.Empty(sizeProblems);
        Assert.Empty(model.Problems());
        Assert.Equal(8L << 30, Assert.Single(request.Disks).SizeBytes);
        Assert.Equal("debian.iso", request.Iso);
        Assert.Equal("user", Assert.Single(request.Nics).Network);
    }

    [Theory]
    [InlineData("name", VmWizardModel.NameStep)]
    [InlineData("memoryMiB", VmWizardModel.HardwareStep)]
    [InlineData("disks[1].bus", VmWizardModel.DisksStep)]
    [InlineData("nics[0].mac", VmWizardModel.NetworkStep)]
    [InlineData("iso", VmWizardModel.InstallStep)]
    [InlineData("host", VmWizardModel.SummaryStep)]
    public void StepOf_Field_IsTheStepThatAsksIt(string field, int step) => Assert.Equal(step, VmWizardModel.StepOf(field));
}
