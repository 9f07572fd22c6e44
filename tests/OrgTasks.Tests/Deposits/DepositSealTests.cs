using System.Security.Cryptography;
using System.Text;
using OrgTasks.Deposits;

namespace OrgTasks.Tests.Deposits;

/// <summary>The seal on a group's list of contacts: only the centre's private key opens it, and nothing can be altered or moved.</summary>
[Trait("Category", "Deposits")]
public sealed class DepositSealTests
{
    private static readonly DateTimeOffset At = new(1902, 9, 1, 0, 0, 0, TimeSpan.Zero);

    private static DepositContents Contents(string group = "spb/narva/putilov/dist-1", int version = 3) => new()
    {
        Organization = "st-petersburg",
        Group = group,
        Version = version,
        WrittenAt = At,
        Contact = "sasha",
        Alternates = ["olya"],
        Members =
        [
            new DepositMember { Agent = "sasha", Addresses = ["Narvskaya zastava 12, flat 3", "Putilovsky 4, barracks 2"] },
            new DepositMember { Agent = "olya", SyntheticHomes = 40 },
        ],
    };

    [Fact]
    public void The_centres_private_key_opens_what_its_public_key_sealed()
    {
        var (privateKey, publicKey) = DepositSeal.NewCentreKeys();

        var sealedDeposit = DepositSeal.Seal(Contents(), publicKey, At);
        var opened = DepositSeal.Open(sealedDeposit, privateKey);

        Assert.Equal(DepositSeal.KeyId(publicKey), sealedDeposit.KeyId);
        Assert.Equal(("sasha", 3, "spb/narva/putilov/dist-1"), (opened.Contact, opened.Version, opened.Group));
        Assert.Equal(["Narvskaya zastava 12, flat 3", "Putilovsky 4, barracks 2"], opened.Members[0].Addresses);
        Assert.Equal(40, opened.Members[1].SyntheticHomes);
    }

    [Fact]
    public void The_sealed_bytes_hold_no_name_or_address_in_the_clear()
    {
        var (_, publicKey) = DepositSeal.NewCentreKeys();

        var sealedDeposit = DepositSeal.Seal(Contents(), publicKey, At);

        var bytes = Encoding.Latin1.GetString([.. sealedDeposit.Ciphertext, .. sealedDeposit.Nonce, .. sealedDeposit.Tag, .. sealedDeposit.EphemeralKey]);
        foreach (var secret in new[] { "sasha", "olya", "Narvskaya", "Putilovsky" }) Assert.DoesNotContain(secret, bytes);
    }

    [Fact]
    public void Another_private_key_does_not_open_it()
    {
        var (_, publicKey) = DepositSeal.NewCentreKeys();
        var (otherPrivate, _) = DepositSeal.NewCentreKeys();

        var sealedDeposit = DepositSeal.Seal(Contents(), publicKey, At);

        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(sealedDeposit, otherPrivate));
    }

    [Fact]
    public void A_changed_byte_of_ciphertext_or_tag_is_refused()
    {
        var (privateKey, publicKey) = DepositSeal.NewCentreKeys();
        var sealedDeposit = DepositSeal.Seal(Contents(), publicKey, At);

        var ciphertext = sealedDeposit.Ciphertext.ToArray();
        ciphertext[ciphertext.Length / 2] ^= 0x01;
        var tag = sealedDeposit.Tag.ToArray();
        tag[0] ^= 0x80;

        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(sealedDeposit with { Ciphertext = ciphertext }, privateKey));
        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(sealedDeposit with { Tag = tag }, privateKey));
    }

    [Fact]
    public void A_deposit_cannot_be_passed_off_as_another_groups_or_another_version()
    {
        var (privateKey, publicKey) = DepositSeal.NewCentreKeys();
        var sealedDeposit = DepositSeal.Seal(Contents(), publicKey, At);

        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(sealedDeposit with { Group = "spb/vyborg/nobel/dist-1" }, privateKey));
        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(sealedDeposit with { Version = 4 }, privateKey));
        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(sealedDeposit with { Organization = "moscow" }, privateKey));
        // The untouched deposit still opens: the refusals above are the binding, not a broken key.
        Assert.Equal("sasha", DepositSeal.Open(sealedDeposit, privateKey).Contact);
    }

    [Fact]
    public void A_key_that_is_not_p256_is_refused()
    {
        using var p384 = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384);

        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.KeyId(p384.ExportSubjectPublicKeyInfo()));
        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Seal(Contents(), p384.ExportSubjectPublicKeyInfo(), At));
    }
}
