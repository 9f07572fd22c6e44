namespace OrgTasks.Grains.Identity;

/// <summary>A grain that acts as someone: its outgoing calls carry that identity (stamped by <see cref="ActorStampFilter"/>).</summary>
public interface IActingGrain
{
    Actor Actor { get; }

    /// <summary><see cref="Actor"/> as text, made once per activation: it is stamped on every call the grain makes.</summary>
    string ActorText => Actor.ToString();
}
