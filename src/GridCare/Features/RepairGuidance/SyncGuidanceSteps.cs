using GridCare.Domain.RepairGuidance;
using GridCare.Domain.Sla;
using GridCare.Domain.WorkOrders;
using GridCare.Features.WorkOrders;
using GridCare.Platform.Auth;
using GridCare.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace GridCare.Features.RepairGuidance;

public abstract record SyncGuidanceStepsResult
{
    public sealed record Synced(SyncGuidanceStepsResponse Response) : SyncGuidanceStepsResult;

    public sealed record Refused(GuidanceRefusal Refusal) : SyncGuidanceStepsResult;
}

/// <summary>
/// The crew's phone posts its queue of completed steps (<c>POST /api/v1/work-orders/{number}/guidance/steps</c>),
/// as often as it likes: each step is stored once, keyed by the id the phone gave it, together with its crew report
/// in the order's thread in the same transaction — so a replay after a lost answer, or two replays racing on two
/// instances, neither loses nor doubles a step or its thread entry. The first step fixes the order's procedure.
/// </summary>
public sealed class SyncGuidanceSteps(
    IDbContextFactory<AppDbContext> dbFactory, ProcedureCatalog procedures, GuidanceThreadText thread, GuidanceNotifier notifier, SlaClock clock, TimeProvider time)
{
    public const int MaxStepsPerBatch = 100;
    private const int Attempts = 3;

    public async Task<SyncGuidanceStepsResult> HandleAsync(string number, SyncGuidanceStepsRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scope);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await TryAsync(number, request, scope, cancellationToken);
                if (result is SyncGuidanceStepsResult.Synced { Response.Stored.Count: > 0 })
                {
                    notifier.Publish(number);
                }

                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another request stored one of these steps, the session or another change of the order first:
                // start over on the new state, where those steps count as already stored.
            }
        }
    }

    private async Task<SyncGuidanceStepsResult> TryAsync(string number, SyncGuidanceStepsRequest request, StaffScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.WorkOrders.WithThread().FirstOrDefaultAsync(w => w.Number == number, cancellationToken);
        if (order is null || !scope.Sees(order.OrgUnitId))
        {
            return Refuse(new GuidanceRefusal.NotFound($"No work order {number} in your org units."));
        }

        if (!GuidanceAccess.Followers.Any(scope.IsIn))
        {
            return Refuse(new GuidanceRefusal.Forbidden($"Guided steps are reported by {GuidanceAccess.Roles(GuidanceAccess.Followers)}."));
        }

        if (!GuidanceAccess.InTheField.Contains(order.Status))
        {
            return Refuse(new GuidanceRefusal.Conflict($"{number} is {order.Status}; steps are reported while a crew works on it."));
        }

        var session = await db.Set<GuidanceSession>().FirstOrDefaultAsync(s => s.WorkOrderId == order.Id, cancellationToken);
        var procedure = procedures.Find(request.Procedure ?? session?.ProcedureCode);
        var photos = await db.WorkOrders.Where(w => w.Id == order.Id).SelectMany(w => w.Attachments.Select(a => a.Id)).ToListAsync(cancellationToken);
        var (reports, errors) = Validate(request, procedure, photos);
        if (errors.Count > 0)
        {
            return Refuse(new GuidanceRefusal.Invalid(errors));
        }

        if (session is not null && session.ProcedureCode != procedure!.Code)
        {
            return Refuse(new GuidanceRefusal.Conflict($"{number} follows the procedure {session.ProcedureCode}, not {procedure.Code}."));
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (session is null)
        {
            db.Add(GuidanceSession.Start(order.Id, procedure!.Code, scope.UserName, now));
        }

        var ids = reports.Select(r => r.ClientId).ToList();
        var known = (await db.Set<GuidanceStep>().Where(s => s.WorkOrderId == order.Id && ids.Contains(s.ClientId)).Select(s => s.ClientId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var fresh = reports.Where(r => !known.Contains(r.ClientId)).OrderBy(r => r.Sequence).ToList();
        var context = new ChangeContext(scope.UserName, now, clock);
        foreach (var report in fresh)
        {
            var step = GuidanceStep.Record(order.Id, procedure!, report, scope.UserName, now);
            db.Add(step);
            if (order.AddNote(EntryKind.CrewReport, thread.Step(procedure!, step), isCustomerVisible: false, context) is { } refused)
            {
                return Refuse(new GuidanceRefusal.Conflict(refused.Message));
            }
        }

        if (fresh.Count > 0 || session is null)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var done = await db.Set<GuidanceStep>().CountAsync(s => s.WorkOrderId == order.Id, cancellationToken);
        return new SyncGuidanceStepsResult.Synced(new SyncGuidanceStepsResponse(
            [.. fresh.Select(r => r.ClientId)], [.. reports.Where(r => known.Contains(r.ClientId)).Select(r => r.ClientId)], done));
    }

    /// <summary>Checks the whole batch before anything is stored; the errors name the field (<c>steps[2].readings</c>).</summary>
    private static (List<StepReport> Reports, Dictionary<string, string[]> Errors) Validate(
        SyncGuidanceStepsRequest request, RepairProcedure? procedure, List<Guid> photos)
    {
        var errors = new Dictionary<string, string[]>();
        var reports = new List<StepReport>();
        if (procedure is null)
        {
            errors["procedure"] = [$"'{request.Procedure}' is not a repair procedure."];
            return (reports, errors);
        }

        if (request.Steps is not { Count: > 0 and <= MaxStepsPerBatch } steps)
        {
            errors["steps"] = [$"Post 1 to {MaxStepsPerBatch} steps."];
            return (reports, errors);
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            if (s is null)
            {
                errors[$"steps[{i}]"] = ["A step is required."];
                continue;
            }

            var report = new StepReport(
                s.ClientId ?? Guid.Empty, s.Sequence ?? 0, s.StepId ?? string.Empty, (s.CompletedAt ?? DateTime.MinValue).ToUniversalTime(), s.Answer,
                [.. (s.Readings ?? []).Select(r => (r?.Measurement ?? string.Empty, r?.Value ?? double.NaN))], s.PhotoIds ?? [], s.Note);
            var problems = GuidanceStep.Check(procedure, report);
            if (s.CompletedAt is null)
            {
                problems["completedAt"] = "When the step was completed, as an ISO 8601 instant.";
            }

            if (s.Note is { Length: > 1000 })
            {
                problems["note"] = "A note is at most 1000 characters.";
            }

            foreach (var photo in report.PhotoIds.Where(p => !photos.Contains(p)))
            {
                problems["photoIds"] = $"No attachment {photo} on this order; upload the photo first.";
            }

            foreach (var (field, message) in problems)
            {
                errors[$"steps[{i}].{field}"] = [message];
            }

            if (reports.All(r => r.ClientId != report.ClientId))
            {
                reports.Add(report);
            }
        }

        return (reports, errors);
    }

    private static SyncGuidanceStepsResult.Refused Refuse(GuidanceRefusal refusal) => new(refusal);
}
