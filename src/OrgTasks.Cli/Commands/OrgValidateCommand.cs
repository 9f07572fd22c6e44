using OrgTasks.Client.Views;
using OrgTasks.Cli.OrgFiles;

namespace OrgTasks.Cli.Commands;

/// <summary><c>orgtasks org validate FILE</c>: checks an organization file without any cluster.</summary>
internal static class OrgValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The organization file (YAML)" };
        var json = JsonOption.Create();
        var command = new Command("validate", "Check an organization file without a cluster; every error is printed as FILE:LINE: field: message")
        {
            file, json,
        };
        command.SetAction(result =>
        {
            var checkedFile = CheckedOrgFile.Load(result.GetRequiredValue(file));
            if (result.GetValue(json)) Json.Write(result.Out(), ValidationJson.Of(checkedFile.Path, checkedFile.Result, checkedFile.LoadTime));
            if (!checkedFile.IsValid)
            {
                checkedFile.RequireValid(result.Err()); // prints every error and ends with exit code 2
            }
            else if (!result.GetValue(json))
            {
                result.Out().WriteLine($"{checkedFile.Path}: valid — {CheckedOrgFile.Describe(checkedFile.Result.Organization!)} "
                    + $"(loaded in {Format.Seconds(checkedFile.LoadTime.TotalSeconds)})");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
