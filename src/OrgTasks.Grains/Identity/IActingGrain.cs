namespace OrgTasks.Grains.Identity;

/// <summary>A grain that acts as someone: its outgoing calls carry that identity (stamped by <see cref="ActorStampFilter"/>).</summary>
public interface IActingGrain
{
    Actor Actor { get; }
}
