using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Phatthana.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Networks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AcademicCentres",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupervisorId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AcademicCentres", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AcademicCentres_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AcademicCentres_People_SupervisorId",
                        column: x => x.SupervisorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AcademicCentres_SchoolNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "SchoolNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AcademicCentres_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Actual = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkGoals_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkGoals_SchoolNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "SchoolNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMeetings_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkMeetings_SchoolNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "SchoolNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkMemberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkMemberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkMemberships_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkMemberships_SchoolNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "SchoolNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkMemberships_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NetworkRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkRoles_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkRoles_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NetworkRoles_SchoolNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "SchoolNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkRoles_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NetworkSupervisors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkSupervisors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NetworkSupervisors_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NetworkSupervisors_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NetworkSupervisors_SchoolNetworks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "SchoolNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OnetScores",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Students = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnetScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnetScores_Areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "Areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OnetScores_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingAttendance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingAttendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingAttendance_NetworkMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "NetworkMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingAttendance_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MeetingAttendance_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AcademicCentres_AreaId",
                table: "AcademicCentres",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_AcademicCentres_NetworkId_Subject",
                table: "AcademicCentres",
                columns: new[] { "NetworkId", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AcademicCentres_SchoolId",
                table: "AcademicCentres",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_AcademicCentres_SupervisorId",
                table: "AcademicCentres",
                column: "SupervisorId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendance_MeetingId",
                table: "MeetingAttendance",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendance_PersonId",
                table: "MeetingAttendance",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingAttendance_SchoolId",
                table: "MeetingAttendance",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkGoals_AreaId",
                table: "NetworkGoals",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkGoals_NetworkId_AcademicYear",
                table: "NetworkGoals",
                columns: new[] { "NetworkId", "AcademicYear" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMeetings_AreaId",
                table: "NetworkMeetings",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMeetings_NetworkId_Date",
                table: "NetworkMeetings",
                columns: new[] { "NetworkId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMemberships_AreaId",
                table: "NetworkMemberships",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMemberships_NetworkId_From",
                table: "NetworkMemberships",
                columns: new[] { "NetworkId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkMemberships_SchoolId_From",
                table: "NetworkMemberships",
                columns: new[] { "SchoolId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRoles_AreaId",
                table: "NetworkRoles",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRoles_NetworkId_Role_From",
                table: "NetworkRoles",
                columns: new[] { "NetworkId", "Role", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRoles_PersonId",
                table: "NetworkRoles",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkRoles_SchoolId",
                table: "NetworkRoles",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSupervisors_AreaId",
                table: "NetworkSupervisors",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSupervisors_NetworkId_PersonId",
                table: "NetworkSupervisors",
                columns: new[] { "NetworkId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NetworkSupervisors_PersonId",
                table: "NetworkSupervisors",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OnetScores_AreaId_AcademicYear_Level",
                table: "OnetScores",
                columns: new[] { "AreaId", "AcademicYear", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_OnetScores_SchoolId_AcademicYear",
                table: "OnetScores",
                columns: new[] { "SchoolId", "AcademicYear" });

            // A school's network before the history was kept becomes a membership "since before records" (its id is the school's).
            migrationBuilder.Sql("INSERT INTO \"NetworkMemberships\" (\"Id\", \"AreaId\", \"NetworkId\", \"SchoolId\", \"From\", \"To\") " +
                "SELECT \"Id\", \"AreaId\", \"NetworkId\", \"Id\", NULL, NULL FROM \"Schools\" WHERE \"NetworkId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AcademicCentres");

            migrationBuilder.DropTable(
                name: "MeetingAttendance");

            migrationBuilder.DropTable(
                name: "NetworkGoals");

            migrationBuilder.DropTable(
                name: "NetworkMemberships");

            migrationBuilder.DropTable(
                name: "NetworkRoles");

            migrationBuilder.DropTable(
                name: "NetworkSupervisors");

            migrationBuilder.DropTable(
                name: "OnetScores");

            migrationBuilder.DropTable(
                name: "NetworkMeetings");
        }
    }
}
