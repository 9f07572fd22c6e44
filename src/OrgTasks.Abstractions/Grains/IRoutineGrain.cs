using OrgTasks.Routine;

namespace OrgTasks.Grains;

/// <summary>
/// The committee's routine, one grain per organization (key: its name), woken by one reminder: asks groups for their
/// regular reports, issues the routine distributions, raises the idle alarm, flags overdue reports and sends the
/// digest to the Central Organ. Never one reminder per unit.
/// </summary>
public interface IRoutineGrain : IGrainWithStringKey
{
    /// <summary>Starts the routine (on apply); its schedule counts from the first start. Starting again changes nothing.</summary>
    [Access(Clients.None)]
    Task Start();

    /// <summary>Does whatever is due at the organization's clock. Doing it twice at the same time does nothing more.</summary>
    [Access(Clients.Operator)]
    Task<RoutineView> Tick();

    /// <summary>The committee issued a leaflet: the idle alarm counts the areas it reaches. One-way: an issue never
    /// waits on (or fails because of) the routine; a lost note can only raise an alarm, never hide one.</summary>
    [OneWay]
    [Access(Clients.None)]
    Task NoteLeaflet(RecordedLeaflet leaflet);

    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the committee")]
    Task<RoutineView> GetRoutine();

    /// <summary>The regular reports of the groups under <paramref name="unit"/> (every group when empty).</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the committee")]
    Task<ReportsView> GetReports(string? unit);

    /// <summary>The picture of the units under <paramref name="unit"/> (the whole organization when empty).</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the committee")]
    Task<PictureView> GetPicture(string? unit);
}

/// <summary>A unit writing its regular report, and receiving those of the units below it.</summary>
public interface IReportingUnit : IGrainWithStringKey
{
    /// <summary>Writes a report on this unit's behalf, by its contact, into its own statement hop: it travels up like
    /// any statement. Nothing is written while the unit has no contact (the report will be overdue).</summary>
    [Access(Clients.None)]
    Task<bool> WriteReport(ReportRequest request);

    /// <summary>The latest report that arrived here about each unit.</summary>
    [Access(Clients.Operator | Clients.Agent, Relation = "a free member of the unit or a delegate detailed there")]
    Task<IReadOnlyList<ReceivedReport>> GetReportsReceived();
}
