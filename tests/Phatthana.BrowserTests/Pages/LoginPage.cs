using Microsoft.Playwright;

namespace Phatthana.BrowserTests.Pages;

public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("อีเมล").FillAsync(email);
        await page.GetByLabel("รหัสผ่าน").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "เข้าสู่ระบบ" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }
}
