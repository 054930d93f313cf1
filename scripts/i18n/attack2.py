T = {
    "This appointment has been moved several times today. Please try again tomorrow or contact us.": (
        "Dieser Termin wurde heute bereits mehrmals verschoben. Bitte versuchen Sie es morgen wieder oder "
        "kontaktieren Sie uns.",
        "Эту запись сегодня уже несколько раз переносили. Пожалуйста, попробуйте завтра или свяжитесь с нами.",
        "Цей запис сьогодні вже кілька разів переносили. Будь ласка, спробуйте завтра або зв'яжіться з нами.",
    ),
}
