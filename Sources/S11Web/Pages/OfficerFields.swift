import S11Core

/// An officer's name, e-mail address and service area as typed into the officers' add and change
/// forms ("" where nothing was typed), with what is wrong with each field, shown beside it.
struct OfficerFields: Encodable {
    let name: String
    let email: String
    let serviceArea: String
    var nameError: String?
    var emailError: String?
    var serviceAreaError: String?
    var roleError: String?
}

extension OfficerFields {
    init(name: String, email: String, serviceArea: String) {
        self.init(name: name, email: email, serviceArea: serviceArea, nameError: nil, emailError: nil, serviceAreaError: nil, roleError: nil)
    }

    /// The same fields with each problem beside the field it is about.
    func marked(_ problems: [OfficerListReader.FieldProblem]) -> OfficerFields {
        var fields = self
        for problem in problems {
            let message = problem.message.capitalisedFirst
            switch problem.field {
            case "name": fields.nameError = message
            case "email": fields.emailError = message
            case "service_area": fields.serviceAreaError = message
            case "role": fields.roleError = message
            default: break
            }
        }
        return fields
    }
}
