using System.Security.Cryptography;
using System.Text;
using OrgTasks.Client;
using OrgTasks.Deposits;
using OrgTasks.Statements;
using OrgTasks.Tests.Infrastructure;

namespace OrgTasks.Tests.Life;

/// <summary>Sealed deposits of each group's contacts with the centre, and re-establishing a group from one.</summary>
[Collection(ClusterCollection.Name)]
[Trait("Category", "Life")]
public sealed class DepositTests(ClusterFixture fixture)
{
    private OrgTasksClient Client => fixture.Client;

    [Fact]
    public void A_deposit_opens_only_with_the_centres_key_and_cannot_be_passed_off_as_another()
    {
        var (privateKey, publicKey) = DepositSeal.NewCentreKeys();
        var contents = new DepositContents
        {
            Organization = "spb-org", Group = "spb/narva", Version = 3, WrittenAt = DateTimeOffset.UnixEpoch, Contact = "petya",
            Members = [new DepositMember { Agent = "petya", Addresses = ["Narvskaya zastava 12"] }],
        };
        var sealedDeposit = DepositSeal.Seal(contents, publicKey, DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("petya", Encoding.UTF8.GetString(sealedDeposit.Ciphertext));
        Assert.DoesNotContain("Narvskaya", Encoding.UTF8.GetString(sealedDeposit.Ciphertext));
        var opened = DepositSeal.Open(sealedDeposit, privateKey);
        Assert.Equal(("petya", "Narvskaya zastava 12"), (opened.Contact, opened.Members[0].Addresses[0]));

        var (otherKey, _) = DepositSeal.NewCentreKeys();
        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(sealedDeposit, otherKey));
        var tampered = sealedDeposit with { Ciphertext = sealedDeposit.Ciphertext.Select((b, i) => i == 0 ? (byte)(b ^ 1) : b).ToArray() };
        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(tampered, privateKey));
        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(sealedDeposit with { Group = "spb/vyborg" }, privateKey));
        Assert.ThrowsAny<CryptographicException>(() => DepositSeal.Open(sealedDeposit with { Version = 4 }, privateKey));
    }

    [Fact]
    public async Task Groups_deposit_when_the_key_arrives_and_again_when_their_composition_changes()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var (privateKey, publicKey) = DepositSeal.NewCentreKeys();
        await Client.InstallCentreKeyAsync(publicKey, city.Spec.Name);

        var first = await Poll.UntilAsync(() => Client.GetDepositAsync(city.Strict), d => d is not null, what: "first deposit");
        var contents = DepositSeal.Open(first!, privateKey);
        Assert.Equal(city.A("c1"), contents.Contact);
        Assert.Equal(5, contents.Members.Count);
        Assert.Equal([$"{city.P} Narvskaya 1", $"{city.P} Narvskaya 2", $"{city.P} Narvskaya 3"], contents.Members.Single(m => m.Agent == city.A("c1")).Addresses.ToArray());
        Assert.Null(await Client.GetDepositAsync(city.Committee)); // groups deposit; the committee is the centre's own

        await Client.ArrestAsync(city.A("c1"));
        var second = await Poll.UntilAsync(() => Client.GetDepositAsync(city.Strict), d => d!.Version > first!.Version, what: "a new deposit");
        Assert.Equal(city.A("c2"), DepositSeal.Open(second!, privateKey).Contact);
    }

    [Fact]
    public async Task A_group_lost_to_arrests_is_re_established_from_its_deposit_and_its_leaflets_and_statements_flow_again()
    {
        var city = await Client.AppliedAsync(new LifeCity());
        var (privateKey, publicKey) = DepositSeal.NewCentreKeys();
        await Client.InstallCentreKeyAsync(publicKey, city.Spec.Name);
        await Poll.UntilAsync(() => Client.GetDepositAsync(city.Strict), d => d is not null, what: "deposit");
        // The route holders first, the contact and its alternates last: only the last arrest leaves the group without
        // a contact, so the one deposit that names no contact is the group's final list (arrests of route holders
        // after the contact's would each make one more deposit after it).
        foreach (var a in new[] { "c4", "c5", "c1", "c2", "c3" }) await Client.ArrestAsync(city.A(a));
        Assert.Contains(city.Strict, (await Client.GetLifeAsync(city.Committee)).CutOff);

        // The group deposits again after each arrest (its composition changed); the centre opens the latest one, the
        // list of a group with nobody left to be its contact, with its own key outside the cluster.
        var latest = await Poll.UntilAsync(() => Client.GetDepositAsync(city.Strict), d => DepositSeal.Open(d!, privateKey).Contact == "",
            what: "the deposit of the cut-off group");
        var deposit = DepositSeal.Open(latest!, privateKey);
        var envoy = city.A("envoy");
        var report = await Client.ReestablishAsync(city.Strict, envoy, deposit);
        Assert.Contains($"{city.Strict}: re-established with contact {envoy} (deposit v{deposit.Version})", report.Changes);
        Assert.DoesNotContain(city.Strict, report.CutOff);

        var leaflet = await Client.IssueLeafletAsync(city.Committee, "Again", "The group lives", scope: city.Strict);
        var status = await Client.CompleteAsync(leaflet);
        Assert.Equal((3L + 3 * LifeCity.HomesPerRoute, 0L), (status.HomesReached, status.Duplicates));
        Assert.All(await fixture.Deliveries.LoadLeafletAsync(leaflet), r => Assert.Equal(envoy, r.DeliveredBy));

        var id = await Client.SendStatementAsync(envoy, Addressee.Committee, "the group is back");
        var route = await Client.DeliveredAsync(id);
        Assert.Equal(city.Committee, route.Where);
        Assert.Contains(route.Hops, h => h.Holder == envoy && h.Role == HopRole.Contact);

        // A stale deposit is refused.
        await Assert.ThrowsAsync<OrgTasks.Errors.InvalidRequestException>(() => Client.ReestablishAsync(city.Strict, envoy, deposit with { Version = deposit.Version - 1 }));
    }
}
