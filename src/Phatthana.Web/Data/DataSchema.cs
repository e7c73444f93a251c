namespace Phatthana.Web.Data;

/// <summary>Column lengths shared by entity configurations and validators.</summary>
public static class DataSchema
{
    public const int CodeLength = 20;
    public const int NameLength = 200;
    public const int ShortNameLength = 100;
    public const int TextLength = 4000;
    public const int EmailLength = 256;
    public const int SchoolCodeLength = 10;
    public const int SmisCodeLength = 8;
    public const int ObecCodeLength = 6;
    public const int NationalIdLength = 13;
    public const int TitleLength = 40;
}
