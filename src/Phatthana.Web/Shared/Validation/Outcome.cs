using Microsoft.AspNetCore.Mvc.ModelBinding;
using Phatthana.Web.Shared.Web;

namespace Phatthana.Web.Shared.Validation;

/// <summary>
/// What a write use case returns: done, invalid input (422), or a duplicate/conflict (409).
/// The API and the page each turn it into their own answer from the same facts.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, IReadOnlyList<FieldError> errors, FieldError? conflict, string? forbidden = null)
    {
        Value = value;
        Errors = errors;
        Conflict = conflict;
        ForbiddenReason = forbidden;
    }

    public T? Value { get; }
    public IReadOnlyList<FieldError> Errors { get; }
    public FieldError? Conflict { get; }
    /// <summary>Set when the caller's role may not do this to this target (403), e.g. an AreaAdmin granting another area.</summary>
    public string? ForbiddenReason { get; }
    /// <summary>The target is not there for this caller (404): unknown, or outside what they may manage.</summary>
    public bool IsNotFound { get; private init; }
    /// <summary>Why the target is not there, when that helps the caller (an unknown key in a path); never who may not see it.</summary>
    public string? NotFoundDetail { get; private init; }
    public bool Succeeded => Errors.Count == 0 && Conflict is null && ForbiddenReason is null && !IsNotFound;

    public static Outcome<T> Ok(T value) => new(value, [], null);
    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(default, errors, null);
    public static Outcome<T> Duplicate(string field, string message) => new(default, [], new FieldError(field, message));
    public static Outcome<T> Forbidden(string field, string message) => new(default, [new FieldError(field, message)], null, message);
    public static Outcome<T> NotFound(string? detail = null) => new(default, [], null) { IsNotFound = true, NotFoundDetail = detail };

    public IResult ToApi(Func<T, IResult> ok)
    {
        if (IsNotFound) return ApiResults.NotFound(NotFoundDetail);
        if (ForbiddenReason is { } reason) return ApiResults.Forbidden(reason);
        if (Conflict is { } c)
            return ApiResults.Problem(StatusCodes.Status409Conflict, "ข้อมูลซ้ำหรือขัดแย้ง", c.Message, [c]);
        return Errors.Count > 0 ? ApiResults.Validation(Errors) : ok(Value!);
    }

    /// <summary>As <see cref="ToApi"/>, when the success answer must be read from the database first.</summary>
    public async Task<IResult> ToApiAsync(Func<T, Task<IResult>> ok) => Succeeded ? await ok(Value!) : ToApi(_ => TypedResults.NoContent());

    /// <summary>Puts every message under its field on the form (fields are prefixed with the bound model's name).</summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix)
    {
        foreach (var e in Conflict is null ? Errors : [.. Errors, Conflict])
            AddTo(modelState, prefix, e);
    }

    /// <summary>
    /// For a grid form that sends only the rows filled in: the use case numbers rows among those sent ("[2].needed"), the
    /// form numbers every row it shows, so each message goes under row <c>formRows[k]</c> of <paramref name="prefix"/>.
    /// </summary>
    public void CopyRowsTo(ModelStateDictionary modelState, string prefix, IReadOnlyList<int> formRows)
    {
        foreach (var e in Conflict is null ? Errors : [.. Errors, Conflict])
        {
            var field = e.Field;
            if (field.StartsWith('[') && field.IndexOf(']') is > 1 and var close && int.TryParse(field[1..close], out var k) && k < formRows.Count)
                field = $"[{formRows[k]}]{field[(close + 1)..]}";
            AddTo(modelState, prefix, e with { Field = field });
        }
    }

    /// <summary>Converts this outcome's failure to another value type (e.g. a save step's failure to the use case's).</summary>
    public Outcome<TOther> As<TOther>() => new(default, Errors, Conflict, ForbiddenReason) { IsNotFound = IsNotFound, NotFoundDetail = NotFoundDetail };

    private static void AddTo(ModelStateDictionary modelState, string prefix, FieldError e)
    {
        modelState.AddModelError(FormKey(prefix, e.Field), e.Message);
    }

    /// <summary>"code" → "Input.Code"; "[2].boys" → "Rows[2].Boys": the API's field names as the form's input names.</summary>
    public static string FormKey(string prefix, string field)
    {
        if (string.IsNullOrEmpty(prefix) || field.Length == 0) return field;
        var pascal = string.Join('.', field.Split('.').Select(s => s.Length == 0 || s[0] == '[' ? s : char.ToUpperInvariant(s[0]) + s[1..]));
        return field[0] == '[' ? prefix + pascal : $"{prefix}.{pascal}";
    }
}
