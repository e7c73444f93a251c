namespace Phatthana.Web.Shared.Web;

/// <summary>Response metadata for the OpenAPI document: the success body and the problem answers an endpoint can give.</summary>
public static class ApiDocs
{
    /// <summary>Reads (GET): the body on 200, and 401/403/404 problems.</summary>
    public static RouteHandlerBuilder Returns<T>(this RouteHandlerBuilder endpoint, int status = StatusCodes.Status200OK) =>
        endpoint.Produces<T>(status)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>Writes: the body on success, plus 409 (duplicate or conflict) and 422 (errors per field) problems.</summary>
    public static RouteHandlerBuilder Writes<T>(this RouteHandlerBuilder endpoint, int status = StatusCodes.Status200OK) =>
        endpoint.Returns<T>(status)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>Writes that answer 204 with no body.</summary>
    public static RouteHandlerBuilder WritesNothing(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
