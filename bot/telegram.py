"""The Telegram adapter (python-telegram-bot): updates in, bot/conversation.py's replies out.

Handlers run the synchronous conversation code in a thread (asgiref's sync_to_async), so
the ORM is used as everywhere else in the project.
"""

import logging

from asgiref.sync import sync_to_async
from django.conf import settings
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from . import conversation

logger = logging.getLogger(__name__)


def keyboard(reply):
    if not reply.keyboard:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in reply.keyboard]
    )


def _chat(update):
    user = update.effective_user
    return conversation.chat(update.effective_chat.id, user.language_code if user else "")


def command(function, with_args=False):
    def run(update):
        link = _chat(update)
        if with_args:
            payload = update.message.text.partition(" ")[2].strip() if update.message and update.message.text else ""
            return function(link, payload)
        return function(link)

    async def handler(update, context):
        for reply in await sync_to_async(run)(update):
            await context.bot.send_message(update.effective_chat.id, reply.text, reply_markup=keyboard(reply))

    return handler


async def on_text(update, context):
    replies = await sync_to_async(lambda: conversation.text_message(_chat(update), update.message.text))()
    for reply in replies:
        await context.bot.send_message(update.effective_chat.id, reply.text, reply_markup=keyboard(reply))


ROUTES = {
    "bk": conversation.book_step,
    "ok": conversation.confirm,
    "cx": conversation.cancel,
    "rs": conversation.reschedule_step,
    "mv": conversation.move,
    "lang": conversation.set_language,
}


def route(link, data):
    function = ROUTES.get((data or "").split(":")[0])
    if function is None:
        return conversation.not_valid()
    return function(link, data if function is not conversation.set_language else data.partition(":")[2])


async def on_button(update, context):
    """A tap on an inline button: the first reply replaces the message, the rest follow."""
    query = update.callback_query
    if update.effective_chat is None:  # a button of an inline message: not ours
        await query.answer()
        return
    replies = await sync_to_async(lambda: route(_chat(update), query.data))()
    await query.answer()
    first, *rest = replies
    try:
        await query.edit_message_text(first.text, reply_markup=keyboard(first))
    except BadRequest:  # e.g. "message is not modified" (the same button twice) or a message too old to edit
        rest.insert(0, first)
    for reply in rest:
        await context.bot.send_message(update.effective_chat.id, reply.text, reply_markup=keyboard(reply))


async def log_error(update, context):
    logger.error("Telegram update failed", exc_info=context.error)


def build_application(token=None, base_url=None):
    application = (
        Application.builder()
        .token(token or settings.TELEGRAM_BOT_TOKEN)
        .base_url(base_url or settings.TELEGRAM_API_BASE_URL)
        .build()
    )
    application.add_handler(CommandHandler("start", command(conversation.start, with_args=True)))
    application.add_handler(CommandHandler("help", command(conversation.help_message)))
    application.add_handler(CommandHandler("book", command(lambda link: conversation.book_step(link, "bk"))))
    application.add_handler(CommandHandler("mine", command(conversation.my_bookings)))
    application.add_handler(CommandHandler("today", command(conversation.today)))
    application.add_handler(CommandHandler("language", command(conversation.language_menu)))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    application.add_error_handler(log_error)
    return application


async def send(chat_id, text, token=None, base_url=None):
    bot = Bot(token or settings.TELEGRAM_BOT_TOKEN, base_url=base_url or settings.TELEGRAM_API_BASE_URL)
    async with bot:
        await bot.send_message(chat_id, text)
