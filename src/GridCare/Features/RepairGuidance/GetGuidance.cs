using GridCare.Domain.RepairGuidance;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.RepairGuidance;

public abstract record GetGuidanceResult
{
    public sealed record Found(GuidanceResponse Guidance) : GetGuidanceResult;

    public sealed record Refused(GuidanceRefusal Refusal) : GetGuidanceResult;
}

/// <summary>
/// An order's guidance (<c>GET /api/v1/work-orders/{number}/guidance</c>): what the crew's phone pulls with every
/// sync — the messages above all — and what the dispatcher's live view shows. Steps come in the crew's order
/// (their sequence), however late or out of order they arrived.
/// </summary>
public sealed class GetGuidance(IDbContextFactory<AppDbContext> dbFactory, ProcedureCatalog procedures)
{
    public async Task<GetGuidanceResult> HandleAsync(string number, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.WorkOrders.AsNoTracking().Where(w => w.Number == number)
            .Select(w => new { w.Id, w.Number, w.OrgUnitId, w.Status }).FirstOrDefaultAsync(cancellationToken);
        if (order is null || !scope.Sees(order.OrgUnitId))
        {
            return new GetGuidanceResult.Refused(new GuidanceRefusal.NotFound($"No work order {number} in your org units."));
        }

        if (!GuidanceAccess.Readers.Any(scope.IsIn))
        {
            return new GetGuidanceResult.Refused(new GuidanceRefusal.Forbidden($"Repair guidance is read by {GuidanceAccess.Roles(GuidanceAccess.Readers)}."));
        }

        var session = await db.Set<GuidanceSession>().AsNoTracking().FirstOrDefaultAsync(s => s.WorkOrderId == order.Id, cancellationToken);
        var steps = await db.Set<GuidanceStep>().AsNoTracking().Where(s => s.WorkOrderId == order.Id).ToListAsync(cancellationToken);
        var messages = await db.Set<GuidanceMessage>().AsNoTracking().Where(m => m.WorkOrderId == order.Id)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id)
            .Select(m => new GuidanceMessageResponse(m.Id, m.SentAt, m.Author, m.Text)).ToListAsync(cancellationToken);

        var procedure = procedures.Find(session?.ProcedureCode);
        var english = ProcedureCatalog.English;
        var ordered = steps.OrderBy(s => s.Sequence).ThenBy(s => s.ReceivedAt).ThenBy(s => s.Id).ToList();
        string? next = null;
        var finished = false;
        if (procedure is not null)
        {
            var last = ordered.Count > 0 ? procedure.Step(ordered[^1].StepId) : null;
            next = last is null ? procedure.Steps[0].Id : procedure.NextAfter(last, ordered[^1].Answer);
            finished = last is not null && next is null;
        }

        return new GetGuidanceResult.Found(new GuidanceResponse(
            order.Number,
            order.Status,
            procedure is null ? null : ProcedureResponse.From(procedure, english),
            session?.StartedAt,
            session?.StartedBy,
            [.. ordered.Select(s => new GuidanceStepResponse(
                s.ClientId, s.Sequence, s.StepId, procedure?.Step(s.StepId)?.Title.For(english) ?? s.StepId, s.Answer, s.Readings, s.PhotoIds, s.Note,
                s.OutOfLimit, s.CompletedAt, s.ReceivedAt, s.CrewMember))],
            next,
            finished,
            messages));
    }
}
