using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GridCare.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CustomerNameSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_Name",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Name_AccountNumber_OrgUnitId",
                table: "Customers",
                columns: new[] { "Name", "AccountNumber", "OrgUnitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Customers_Name_AccountNumber_OrgUnitId",
                table: "Customers");

            migrationBuilder.CreateIndex(
                name: "IX_Customers_Name",
                table: "Customers",
                column: "Name");
        }
    }
}
