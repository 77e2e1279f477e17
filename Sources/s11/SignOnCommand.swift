import ArgumentParser
import Foundation
import S11App
import S11Core

/// `s11 admin sign-on`: the OpenID Connect providers (Microsoft Entra ID, Google Workspace,
/// Keycloak ...) that accounts may sign in through instead of a password.
struct SignOnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sign-on",
        abstract: "Let accounts sign in through their organisation's own accounts (OpenID Connect).",
        discussion: "Register s11 with the provider first, with the redirect address BASE-URL/admin/sign-on/callback (README: 'Signing in with the organisation's own accounts').",
        subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add",
            abstract: "Add a provider (or change the one of that name); the client secret is read from a file or standard input.")

        @Argument(help: "A short name for it, in lower-case letters, digits and '-' (it goes in the sign-in address).") var name: String
        @Option(help: "What the sign-in button says after 'Sign in with', such as \"Oxfordshire County Council's Microsoft account\".") var label: String
        @Option(help: "The provider's issuer URL, exactly as its tokens name it (Entra ID: https://login.microsoftonline.com/TENANT-ID/v2.0).")
        var issuer: String
        @Option(help: "The client (application) id the provider gave s11.") var clientId: String
        @Option(help: "A file holding the client secret; without it the secret is read from standard input.") var clientSecretFile: String?
        @Option(help: "The e-mail domains the provider may vouch for, separated by commas (oxfordshire.gov.uk,oxfordshire.nhs.uk).")
        var domains: String
        @Option(help: "Only this organisation's coordinators sign in through it.") var org: String?
        @Option(help: "Only this board's users sign in through it.") var board: String?
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                guard org == nil || board == nil else { throw CLIError("give --org or --board, not both: a provider signs in one organisation's coordinators, one board's users, or (with neither) any account") }
                let secret: String
                if let clientSecretFile {
                    guard let read = try? String(contentsOfFile: clientSecretFile, encoding: .utf8) else {
                        throw CLIError("cannot read the client secret from '\(clientSecretFile)'")
                    }
                    secret = read.trimmingCharacters(in: .whitespacesAndNewlines)
                } else {
                    secret = (readLine(strippingNewline: true) ?? "").trimmingCharacters(in: .whitespaces)
                }
                let scope: SignOnProvider.Scope = org.map { .organisation($0) } ?? board.map { .board($0) } ?? .server
                let provider = SignOnProvider(name: name, label: label, issuer: issuer, clientID: clientId, clientSecret: secret,
                                              domains: domains.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }, scope: scope)
                try await storeOptions.app().signOn.save(provider)
                print("\(label) signs in \(provider.whom) with addresses at \(provider.domains.joined(separator: ", ")), from the sign-in page of 's11 serve'")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the providers accounts may sign in through.")
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                let providers = try await storeOptions.app().signOn.allProviders()
                if providers.isEmpty { print("no provider: accounts sign in with their passwords ('s11 admin sign-on add' adds one)") }
                for provider in providers {
                    print("\(provider.name): \(provider.label), \(provider.issuer), client \(provider.clientID), for \(provider.whom) at \(provider.domains.joined(separator: ", "))")
                }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a provider: its sign-in link goes; sessions begun through it last until they end.")
        @Argument(help: "The provider's name.") var name: String
        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingFailures {
                guard try await storeOptions.app().signOn.remove(named: name) else { throw CLIError("no provider is named '\(name)' ('s11 admin sign-on list' lists them)") }
                print("removed \(name): its accounts sign in with their passwords")
            }
        }
    }
}
