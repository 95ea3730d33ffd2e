using GridCare.Domain.RepairGuidance;

namespace GridCare.Features.RepairGuidance;

/// <summary>
/// The procedures shipped with GridCare (<c>GET /api/v1/guidance/procedures</c>, and one in full by its fault type):
/// what an admin reviews, and what the crew's phone chooses from.
/// </summary>
public sealed class ListProcedures(ProcedureCatalog catalog)
{
    public IReadOnlyList<ProcedureSummaryResponse> List()
    {
        var english = ProcedureCatalog.English;
        return [.. catalog.All.Select(p => new ProcedureSummaryResponse(
            p.Code, p.Title.For(english), p.Summary.For(english), p.Steps.Count, p.Steps.Sum(s => s.Readings.Count), p.Steps.Sum(s => s.Photos),
            p.Steps.Count(s => s.Kind == GuidanceStepKind.Decision)))];
    }

    public ProcedureResponse? Get(string code) => catalog.Find(code) is { } procedure ? ProcedureResponse.From(procedure, ProcedureCatalog.English) : null;
}
