using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClassificationCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClassificationCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WorkOrderNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    OrgUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SuggestedType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SuggestedComplaintClass = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ChosenType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChosenComplaintClass = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ModelVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassificationCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassificationCorrections_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClassificationCorrections_OrgUnitId_AtUtc",
                table: "ClassificationCorrections",
                columns: new[] { "OrgUnitId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClassificationCorrections");
        }
    }
}
