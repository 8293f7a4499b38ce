// Signed records from Swift (docs/mobile.md, "Signed records"): a key CryptoKit makes and keeps —
// as an app keeps it in the Keychain, the library never seeing its secret — signs
// `signingMessage(command:)` and `executeSigned` accepts it; another key in the same name is refused.
// CryptoKit's Ed25519 signatures are randomized (still standard Ed25519, verified as any other), so
// they are not compared byte for byte with the library's, only accepted.
import Chibo
import CryptoKit
import Foundation
import XCTest

final class SigningTests: XCTestCase {
    private func command(_ actor: String, _ at: String, _ action: String) -> String {
        "{\"actor\":\"\(actor)\",\"at\":\"\(at)\",\"action\":\(action)}"
    }

    func testAKeyCryptoKitKeepsSignsRecordsTheLibraryAccepts() throws {
        let journal = Commune()
        for command in try setupCommands(["commune"]) { _ = try journal.executeJson(command: command) }
        // In an app: created once, its rawRepresentation kept in the Keychain
        // (kSecClassGenericPassword, kSecAttrAccessibleWhenUnlockedThisDeviceOnly).
        let key = Curve25519.Signing.PrivateKey()
        let publicKey = hexOf(key.publicKey.rawRepresentation)
        let proof = hexOf(try key.signature(for: try keyProofMessage(member: "x1-bt", key: publicKey)))
        _ = try journal.executeJson(command: command("vp", "2025-01-10T08:00:00+07:00",
            "{\"register_key\":{\"member\":\"x1-bt\",\"key\":\"\(publicKey)\",\"proof\":\"\(proof)\"}}"))
        let revoke = command("x1-bt", "2025-02-25T08:00:00+07:00",
            "{\"revoke_key\":{\"member\":\"x1-bt\",\"reason\":\"Đổi máy\"}}")
        // Another key in the secretary's name: refused, as a JournalError.
        let other = Curve25519.Signing.PrivateKey()
        XCTAssertThrowsError(try journal.executeJsonSigned(
            command: revoke, signature: hexOf(try other.signature(for: try signingMessageJson(command: revoke))))) { error in
            XCTAssertEqual((error as? ChiboError)?.refusal().code, "journal.signature_invalid")
        }
        let signature = hexOf(try key.signature(for: try signingMessageJson(command: revoke)))
        let recorded = try journal.executeJsonSigned(command: revoke, signature: signature)
        XCTAssertTrue(recorded.line.hasPrefix("{\"v\":2,"))
        // The library's own signing from a raw secret gives the same public key CryptoKit does.
        let imported = try Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: 0x11, count: 32))
        XCTAssertEqual(try Chibo.publicKey(secret: Data(repeating: 0x11, count: 32)), hexOf(imported.publicKey.rawRepresentation))
    }
}
