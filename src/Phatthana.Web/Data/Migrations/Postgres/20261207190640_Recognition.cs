using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Recognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AwardProgrammes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Period = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SchoolsNominate = table.Column<bool>(type: "boolean", nullable: false),
                    SelfNomination = table.Column<bool>(type: "boolean", nullable: false),
                    EligiblePositions = table.Column<string[]>(type: "character varying(40)[]", nullable: false),
                    MinYearsOfService = table.Column<int>(type: "integer", nullable: true),
                    RequiresCleanRecord = table.Column<bool>(type: "boolean", nullable: false),
                    Awards = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardProgrammes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardProgrammes_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardCommitteeMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Duty = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardCommitteeMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardCommitteeMembers_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardCommitteeMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardCommitteeMembers_AwardProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "AwardProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AwardCommitteeMembers_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardCriteria",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Weight = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    MinScore = table.Column<int>(type: "integer", nullable: false),
                    MaxScore = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardCriteria_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardCriteria_AwardProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "AwardProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AwardSelections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: true),
                    NominationOpens = table.Column<DateOnly>(type: "date", nullable: false),
                    NominationCloses = table.Column<DateOnly>(type: "date", nullable: false),
                    ScoringCloses = table.Column<DateOnly>(type: "date", nullable: false),
                    NominationsClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnnouncedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AnnouncedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Evaluation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardSelections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardSelections_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardSelections_AwardProgrammes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "AwardProgrammes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    SelectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    Statement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    NoDisciplinaryRecord = table.Column<bool>(type: "boolean", nullable: false),
                    NominatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NominatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Awarded = table.Column<bool>(type: "boolean", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CertificateCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_AwardSelections_SelectionId",
                        column: x => x.SelectionId,
                        principalTable: "AwardSelections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AwardScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    NominationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CriterionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    ScoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AwardScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AwardScores_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardScores_AwardCommitteeMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "AwardCommitteeMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardScores_AwardCriteria_CriterionId",
                        column: x => x.CriterionId,
                        principalTable: "AwardCriteria",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AwardScores_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NominationEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AreaId = table.Column<Guid>(type: "uuid", nullable: false),
                    NominationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationEvidence_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NominationEvidence_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AwardCommitteeMembers_AreaId",
                table: "AwardCommitteeMembers",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardCommitteeMembers_ProgrammeId_UserId",
                table: "AwardCommitteeMembers",
                columns: new[] { "ProgrammeId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardCommitteeMembers_SchoolId",
                table: "AwardCommitteeMembers",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardCommitteeMembers_UserId",
                table: "AwardCommitteeMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardCriteria_AreaId",
                table: "AwardCriteria",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardCriteria_ProgrammeId_Number",
                table: "AwardCriteria",
                columns: new[] { "ProgrammeId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardProgrammes_AreaId_Name",
                table: "AwardProgrammes",
                columns: new[] { "AreaId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardScores_AreaId",
                table: "AwardScores",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardScores_CriterionId",
                table: "AwardScores",
                column: "CriterionId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardScores_MemberId",
                table: "AwardScores",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_AwardScores_NominationId_MemberId_CriterionId",
                table: "AwardScores",
                columns: new[] { "NominationId", "MemberId", "CriterionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AwardSelections_AreaId_Year",
                table: "AwardSelections",
                columns: new[] { "AreaId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AwardSelections_ProgrammeId_Title",
                table: "AwardSelections",
                columns: new[] { "ProgrammeId", "Title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NominationEvidence_AreaId",
                table: "NominationEvidence",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_NominationEvidence_NominationId",
                table: "NominationEvidence",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_AreaId",
                table: "Nominations",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_CertificateCode",
                table: "Nominations",
                column: "CertificateCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_CertificateNumber",
                table: "Nominations",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_PersonId",
                table: "Nominations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_SchoolId",
                table: "Nominations",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_SelectionId_PersonId",
                table: "Nominations",
                columns: new[] { "SelectionId", "PersonId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AwardScores");

            migrationBuilder.DropTable(
                name: "NominationEvidence");

            migrationBuilder.DropTable(
                name: "AwardCommitteeMembers");

            migrationBuilder.DropTable(
                name: "AwardCriteria");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "AwardSelections");

            migrationBuilder.DropTable(
                name: "AwardProgrammes");
        }
    }
}
