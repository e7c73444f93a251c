using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupervisionVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupervisorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SupervisorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AcademicYear = table.Column<int>(type: "integer", nullable: false),
                    Semester = table.Column<int>(type: "integer", nullable: false),
                    SubjectArea = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Recommendations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FollowUpStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FollowUpDue = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpNote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FollowUpDoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionVisits_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionVisits_AspNetUsers_SupervisorUserId",
                        column: x => x.SupervisorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SupervisionVisits_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_AreaId_AcademicYear_Semester",
                table: "SupervisionVisits",
                columns: new[] { "AreaId", "AcademicYear", "Semester" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_SchoolId_VisitedOn",
                table: "SupervisionVisits",
                columns: new[] { "SchoolId", "VisitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_SupervisorUserId",
                table: "SupervisionVisits",
                column: "SupervisorUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisionVisits");
        }
    }
}
