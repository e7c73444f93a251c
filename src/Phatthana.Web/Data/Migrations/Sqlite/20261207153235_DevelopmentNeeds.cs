using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DevelopmentNeeds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Competencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExpectedLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Competencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Competencies_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdPlans_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdPlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdPlans_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedsSurveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TargetPositions = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedsSurveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedsSurveys_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DevelopmentTopics",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CompetencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectArea = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DevelopmentTopics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DevelopmentTopics_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DevelopmentTopics_Competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "Competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdPlanCompetencies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompetencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdPlanCompetencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdPlanCompetencies_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdPlanCompetencies_Competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "Competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdPlanCompetencies_IdPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "IdPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IdPlanNeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Methods = table.Column<string>(type: "TEXT", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedOutcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdPlanNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IdPlanNeeds_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdPlanNeeds_DevelopmentTopics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "DevelopmentTopics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IdPlanNeeds_IdPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "IdPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Methods = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedResponses_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NeedResponses_DevelopmentTopics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "DevelopmentTopics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NeedResponses_NeedsSurveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "NeedsSurveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedResponses_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Competencies_AreaId_Group_Code",
                table: "Competencies",
                columns: new[] { "AreaId", "Group", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentTopics_AreaId_Group_Name",
                table: "DevelopmentTopics",
                columns: new[] { "AreaId", "Group", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DevelopmentTopics_CompetencyId",
                table: "DevelopmentTopics",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_IdPlanCompetencies_AreaId",
                table: "IdPlanCompetencies",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_IdPlanCompetencies_CompetencyId",
                table: "IdPlanCompetencies",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_IdPlanCompetencies_PlanId_CompetencyId",
                table: "IdPlanCompetencies",
                columns: new[] { "PlanId", "CompetencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdPlanNeeds_AreaId",
                table: "IdPlanNeeds",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_IdPlanNeeds_PlanId_TopicId",
                table: "IdPlanNeeds",
                columns: new[] { "PlanId", "TopicId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdPlanNeeds_TopicId",
                table: "IdPlanNeeds",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_IdPlans_AreaId_FiscalYear_Status",
                table: "IdPlans",
                columns: new[] { "AreaId", "FiscalYear", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IdPlans_PersonId_FiscalYear",
                table: "IdPlans",
                columns: new[] { "PersonId", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IdPlans_SchoolId",
                table: "IdPlans",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedResponses_AreaId",
                table: "NeedResponses",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedResponses_PersonId",
                table: "NeedResponses",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedResponses_SurveyId_PersonId_TopicId",
                table: "NeedResponses",
                columns: new[] { "SurveyId", "PersonId", "TopicId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NeedResponses_TopicId",
                table: "NeedResponses",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedsSurveys_AreaId_FiscalYear",
                table: "NeedsSurveys",
                columns: new[] { "AreaId", "FiscalYear" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IdPlanCompetencies");

            migrationBuilder.DropTable(
                name: "IdPlanNeeds");

            migrationBuilder.DropTable(
                name: "NeedResponses");

            migrationBuilder.DropTable(
                name: "IdPlans");

            migrationBuilder.DropTable(
                name: "DevelopmentTopics");

            migrationBuilder.DropTable(
                name: "NeedsSurveys");

            migrationBuilder.DropTable(
                name: "Competencies");
        }
    }
}
