"""`V1FilesUploadUrlsCreateBodyItemsItem`: a request body part, as a TypedDict; sent with the API's field names."""

import typing

import typing_extensions


class V1FilesUploadUrlsCreateBodyItemsItem(typing_extensions.TypedDict):
    """
    V1FilesUploadUrlsCreateBodyItemsItem
    """

    type_: typing_extensions.Required[typing_extensions.Literal["video", "audio", "image"]]
    """
    The type of asset to upload. Possible types are video, audio, image
    """

    extension: typing_extensions.Required[str]
    """
    The extension of the file to upload. Do not include the dot (.) before the extension. Possible extensions are mp4,m4v,mov,webm,mp3,wav,aac,flac,webm,weba,m4a,opus,ogg,oga,aiff,amr,png,jpg,jpeg,jfif,heic,heif,webp,avif,jp2,tiff,tif,bmp,gif,webp,webm
    """
