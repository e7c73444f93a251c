using Microsoft.AspNetCore.Mvc;

namespace Phatthana.Web.Shared.Web;

/// <summary>Lets a page handler answer with the same <see cref="IResult"/> the API uses (files, problems).</summary>
public sealed class ResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}

public static class ResultActionExtensions
{
    public static IActionResult ToActionResult(this IResult result) => new ResultAction(result);
}
