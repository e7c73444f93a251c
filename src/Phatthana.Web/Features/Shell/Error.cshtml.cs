using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Phatthana.Web.Features.Shell;

/// <summary>The Thai page for 403, 404, 500 and the rest; status code pages and the exception handler re-execute it.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int? code) => Status = Resolve(code);
    public void OnPost(int? code) => Status = Resolve(code);

    private int Resolve(int? code)
    {
        var status = code ?? (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? Response.StatusCode : 404);
        if (status is < 400 or > 599) status = 404; // the query string is the caller's: keep the status line valid
        Response.StatusCode = status;
        return status;
    }

    public (string Title, string Detail) Message => Status switch
    {
        400 => ("คำขอไม่ถูกต้อง", "ข้อมูลที่ส่งมาไม่ครบหรือรูปแบบไม่ถูกต้อง"),
        401 => ("กรุณาเข้าสู่ระบบ", "หน้านี้สำหรับผู้ที่เข้าสู่ระบบแล้ว"),
        403 => ("ไม่มีสิทธิ์เข้าถึง", "บทบาทของคุณไม่มีสิทธิ์ใช้หน้านี้ หากคิดว่าควรมีสิทธิ์ โปรดติดต่อเจ้าหน้าที่ สพท."),
        404 => ("ไม่พบหน้าที่ต้องการ", "หน้านี้ไม่มีอยู่ หรืออยู่นอกเขตพื้นที่ที่คุณได้รับสิทธิ์"),
        503 => (Shared.Web.DbErrors.UnavailableTitle, Shared.Web.DbErrors.UnavailableDetail),
        _ => ("เกิดข้อผิดพลาดในระบบ", "กรุณาลองใหม่อีกครั้ง หากยังพบปัญหาโปรดแจ้งผู้ดูแลระบบ"),
    };
}
