using System.Runtime.Versioning;
using OrgTasks.Identity;

namespace OrgTasks.Tests.Security;

/// <summary>The configuration folder holds the operator's credential, the signing keys and the local CA: nothing of it is readable by others.</summary>
[Trait("Category", "Security")]
public sealed class ConfigFolderTests
{
    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void A_private_folder_made_below_missing_ones_makes_every_one_of_them_private()
    {
        var root = Path.Combine(Path.GetTempPath(), "orgtasks-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            var tls = Path.Combine(root, "home", ".config", "orgtasks", "tls");

            OrgTasksConfigFolder.EnsurePrivate(tls);

            const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(owner, File.GetUnixFileMode(tls));
            Assert.Equal(owner, File.GetUnixFileMode(Path.GetDirectoryName(tls)!));
            Assert.Equal(owner, File.GetUnixFileMode(Path.Combine(root, "home", ".config")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
