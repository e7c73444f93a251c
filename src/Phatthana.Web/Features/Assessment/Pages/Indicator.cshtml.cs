using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Phatthana.Web.Data;
using Phatthana.Web.Shared.Auth;
using Phatthana.Web.Shared.Thai;
using Phatthana.Web.Shared.Validation;

namespace Phatthana.Web.Features.Assessment.Pages;

/// <summary>
/// One indicator of a round, as the seeds' table lays it out: the level computed by the rule with its reason and the
/// level descriptions; each consideration item with done / evidence clarity, the narrative columns and its evidence; who
/// answers for it and by when; and the assessor's review. Each item saves on its own (its evidence forms sit beside it).
/// </summary>
[Authorize(Policy = Policies.ReadAssessment)]
public sealed class IndicatorModel(AppDbContext db, UserScope user, Rounds rounds) : PageModel
{
    public sealed class ItemForm
    {
        public int Number { get; set; }
        public bool Done { get; set; }
        public string? Evidence { get; set; }
        public string? Results { get; set; }
        public string? SuccessFactors { get; set; }
        public string? Problems { get; set; }
        public string? Improvements { get; set; }
        public string? Approach { get; set; }
        public string? ResultsUsedToImprove { get; set; }

        public static ItemForm From(ItemDto i) => new()
        {
            Number = i.Number, Done = i.Done, Evidence = i.Evidence.ToString(), Results = i.Results, SuccessFactors = i.SuccessFactors,
            Problems = i.Problems, Improvements = i.Improvements, Approach = i.Approach, ResultsUsedToImprove = i.ResultsUsedToImprove,
        };
    }

    public sealed class AssignForm
    {
        public string? Division { get; set; }
        public string? ResponsiblePerson { get; set; }
        public string? DueDate { get; set; }
        public int? Version { get; set; }
    }

    public sealed class ReviewForm
    {
        public string? Comment { get; set; }
        public int? AgreedLevel { get; set; }
        public string? Reason { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty] public ItemForm Item { get; set; } = new();
    [BindProperty] public AssignForm Assign { get; set; } = new();
    [BindProperty] public ReviewForm Review { get; set; } = new();
    /// <summary>Which form was sent ("item-3", "assign", "review"), so its messages and typed values show with it.</summary>
    public string? Sent { get; private set; }
    public RoundDto Round { get; private set; } = null!;
    public IndicatorDto Indicator { get; private set; } = null!;
    public IndicatorDef Definition { get; private set; } = null!;
    public string? PreviousKey { get; private set; }
    public string? NextKey { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> Divisions { get; private set; } = [];
    public bool CanEdit => Round.Status == RoundStatus.Open && Policies.Allows(Policies.RunAssessment, user.Role);
    public bool CanReview => Round.Status is RoundStatus.Submitted or RoundStatus.Reviewed && Policies.Allows(Policies.ReviewAssessment, user.Role);

    public async Task<IActionResult> OnGetAsync(Guid id, string key) => await LoadAsync(id, key) ? Page() : NotFound();

    public async Task<IActionResult> OnPostItemAsync(Guid id, string key)
    {
        Sent = $"item-{Item.Number}";
        if (!Policies.Allows(Policies.RunAssessment, user.Role)) return Forbid();
        if (await Rounds.FindAsync(db, id) is not { } round) return NotFound();
        var used = string.IsNullOrWhiteSpace(Item.ResultsUsedToImprove) ? (JsonElement?)null : JsonSerializer.SerializeToElement(Item.ResultsUsedToImprove);
        var outcome = await rounds.SaveItemAsync(round, key, Item.Number.ToString(), new ItemInputBody(Item.Done, Item.Evidence, Item.Results,
            Item.SuccessFactors, Item.Problems, Item.Improvements, Item.Approach, used));
        return await AfterAsync(outcome, id, key, nameof(Item), $"#item-{Item.Number}", $"บันทึกประเด็นข้อ {Item.Number} แล้ว");
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, string key)
    {
        Sent = "assign";
        if (!Policies.Allows(Policies.RunAssessment, user.Role)) return Forbid();
        if (await Rounds.FindAsync(db, id) is not { } round) return NotFound();
        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(Assign.DueDate))
        {
            if (!ThaiDate.TryParse(Assign.DueDate, out var d))
            {
                ModelState.AddModelError("Assign.DueDate", $"กำหนดส่ง \"{Assign.DueDate}\" ไม่ใช่วันที่ที่อ่านได้ — ใช้ วว/ดด/ปปปป ในปี พ.ศ. เช่น 31/03/2570");
                return await LoadAsync(id, key) ? Page() : NotFound();
            }
            due = d;
        }
        var outcome = await rounds.AssignAsync(round, key, new AssignmentInput(Assign.Division, Assign.ResponsiblePerson, due, Assign.Version));
        return await AfterAsync(outcome, id, key, nameof(Assign), "#assignment", "บันทึกผู้รับผิดชอบแล้ว");
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, string key)
    {
        Sent = "review";
        if (!Policies.Allows(Policies.ReviewAssessment, user.Role)) return Forbid();
        if (await Rounds.FindAsync(db, id) is not { } round) return NotFound();
        var outcome = await rounds.ReviewAsync(round, key, new ReviewInput(Review.Comment, Review.AgreedLevel, Review.Reason, Review.Version));
        return await AfterAsync(outcome, id, key, nameof(Review), "#review", "บันทึกผลการพิจารณาแล้ว");
    }

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, Guid id, string key, string prefix, string anchor, string done)
    {
        if (outcome.IsNotFound && outcome.NotFoundDetail is null) return NotFound();
        if (!outcome.Succeeded)
        {
            outcome.CopyTo(ModelState, prefix);
            if (outcome.NotFoundDetail is { } missing) ModelState.AddModelError("", missing);
            return await LoadAsync(id, key) ? Page() : NotFound();
        }
        TempData["Flash"] = done;
        return Redirect(RoundModel.IndicatorLink(id, key) + anchor);
    }

    private async Task<bool> LoadAsync(Guid id, string key)
    {
        if (await Rounds.FindAsync(db, id, HttpContext.RequestAborted) is not { } round) return false;
        Round = await RoundView.BuildAsync(db, round, HttpContext.RequestAborted);
        var index = Round.Indicators.ToList().FindIndex(i => i.Key == key);
        if (index < 0 || round.Framework!.Definition.Find(key) is not { } found) return false;
        Indicator = Round.Indicators[index];
        Definition = found.Indicator;
        PreviousKey = index > 0 ? Round.Indicators[index - 1].Key : null;
        NextKey = index + 1 < Round.Indicators.Count ? Round.Indicators[index + 1].Key : null;
        Divisions = (await db.Divisions.AsNoTracking().Where(d => d.AreaId == round.AreaId).Select(d => new { d.Id, d.Name }).ToListAsync(HttpContext.RequestAborted))
            .OrderBy(d => d.Name, ThaiText.Comparer).Select(d => (d.Id, d.Name)).ToList();
        if (Sent != "assign")
            Assign = new AssignForm
            {
                Division = Divisions.FirstOrDefault(d => d.Name == Indicator.Division).Id is { } did && did != Guid.Empty ? did.ToString() : null,
                ResponsiblePerson = Indicator.ResponsiblePerson, DueDate = Indicator.DueDate is { } due ? ThaiDate.Numeric(due) : null, Version = Indicator.Version,
            };
        if (Sent != "review")
            Review = new ReviewForm { Comment = Indicator.AssessorComment, AgreedLevel = Indicator.AgreedLevel, Reason = Indicator.AgreedReason, Version = Indicator.Version };
        return true;
    }

    /// <summary>Whether the form that was sent is on the page to show its messages; if not (a round submitted meanwhile, an item
    /// that is not there) they show at the top.</summary>
    public bool ShowsSentForm => Sent switch
    {
        null => true,
        "assign" => CanEdit,
        "review" => CanReview,
        _ => CanEdit && Indicator.Items.Any(i => Sent == $"item-{i.Number}"),
    };

    /// <summary>The form's values for an item: as typed when it was the one sent back with errors, otherwise as saved.</summary>
    public ItemForm FormFor(ItemDto item) => Sent == $"item-{item.Number}" ? Item : ItemForm.From(item);
}
